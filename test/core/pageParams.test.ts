import { describe, expect, it } from 'vitest';
import { pageParamNames, parsePageParam, withPageParams } from '../../src/core/pageParams.js';

describe('pageParamNames', () => {
  it('is page and per_page by default', () => {
    expect(pageParamNames({})).toEqual(['page', 'per_page']);
  });

  it('puts the prefix before both names', () => {
    expect(pageParamNames({ prefix: 'users_' })).toEqual(['users_page', 'users_per_page']);
  });

  it('takes other names, after the prefix', () => {
    expect(pageParamNames({ prefix: 'u.', pageParam: 'p', perPageParam: 'n' })).toEqual(['u.p', 'u.n']);
  });
});

describe('parsePageParam', () => {
  it('reads a whole number of at least 1, as text or as a number', () => {
    expect(parsePageParam('1')).toBe(1);
    expect(parsePageParam('3')).toBe(3);
    expect(parsePageParam('120')).toBe(120);
    expect(parsePageParam(25)).toBe(25);
    expect(parsePageParam(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects 0, negatives, fractions, exponents, words and missing values', () => {
    for (const value of ['0', '00', '-2', '2.5', '1e3', 'abc', 'x3', '3x', ' 3', '', 0, -2, 2.5, 1e21, null, undefined, '2,3']) {
      expect(parsePageParam(value), String(value)).toBeUndefined();
    }
  });

  it('rejects numbers past 2^53', () => {
    expect(parsePageParam('9007199254740993')).toBeUndefined();
    expect(parsePageParam(String(Number.MAX_SAFE_INTEGER + 1))).toBeUndefined();
  });
});

describe('withPageParams', () => {
  const names: [string, string] = ['page', 'per_page'];

  it('sets the page and the per-page value, keeping every other parameter', () => {
    expect(withPageParams('?status=done&page=1', names, { page: 3, perPage: 25 })).toBe('?status=done&page=3&per_page=25');
  });

  it('leaves the per-page value alone when none is given', () => {
    expect(withPageParams('?per_page=50', names, { page: 2, perPage: undefined })).toBe('?per_page=50&page=2');
    expect(withPageParams('', names, { page: 2, perPage: undefined })).toBe('?page=2');
  });
});
