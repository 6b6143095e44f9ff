import { describe, expect, it } from 'vitest';
import { getFieldErrors } from '../../src/core/getFieldErrors.js';

// Pins found by mutation testing (issue 21): the shapes and limits a form sees.
const entry = (field: string, message: string) => ({ field, message });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('getFieldErrors: nesting', () => {
  const inArrays = (levels: number): unknown => range(levels - 1).reduce<unknown>((inner) => [inner], [entry('name', 'Required')]);
  const inContainers = (levels: number): unknown =>
    range(levels).reduce<unknown>((inner) => ({ errors: inner }), [entry('name', 'Required')]);

  it('reads entries down to five nested arrays and no deeper', () => {
    expect(getFieldErrors(inArrays(5))).toEqual({ name: 'Required' });
    expect(getFieldErrors(inArrays(6))).toEqual({});
  });

  it('reads entries inside four nested errors containers and no deeper', () => {
    expect(getFieldErrors(inContainers(4))).toEqual({ name: 'Required' });
    expect(getFieldErrors(inContainers(5))).toEqual({});
  });

  it('reads each entry once', () => {
    expect(getFieldErrors([entry('name', 'Required')])).toStrictEqual({ name: 'Required' });
  });

  it('reads a map of field names inside an array', () => {
    expect(getFieldErrors([{ email: 'Taken' }])).toEqual({ email: 'Taken' });
  });

  it('ignores a container key that holds no object, and an inherited one', () => {
    expect(getFieldErrors({ fields: 'oops', email: ['Taken'] })).toEqual({ email: 'Taken' });
    const inherited = Object.assign(Object.create({ fields: { name: 'Required' } }) as object, { email: ['Taken'] });
    expect(getFieldErrors(inherited)).toEqual({ email: 'Taken' });
  });

  it('reads no field from plain strings under errors', () => {
    expect(getFieldErrors({ errors: ['Something went wrong'] })).toStrictEqual({});
  });
});

describe('getFieldErrors: malformed entries', () => {
  it('reads no field map from an object with only a field, reason or message', () => {
    expect(getFieldErrors({ field: ['name'] })).toStrictEqual({});
    expect(getFieldErrors({ reason: ['Required'], other: ['x'] })).toStrictEqual({});
    expect(getFieldErrors({ message: ['Required'], other: ['x'] })).toStrictEqual({});
  });

  it('adds no field whose messages are all unreadable', () => {
    expect(getFieldErrors({ email: [], max_bytes: 1048576, name: [42] })).toStrictEqual({});
  });

  it('skips unreadable messages of a field and keeps the rest', () => {
    expect(getFieldErrors({ email: ['Taken', 42, '  '] })).toStrictEqual({ email: 'Taken' });
  });

  it('skips null items next to good entries', () => {
    expect(getFieldErrors([null, entry('name', 'Required')])).toStrictEqual({ name: 'Required' });
  });

  it('returns nothing at all when reading details throws', () => {
    const hostile = {};
    Object.defineProperty(hostile, 'field', {
      enumerable: true,
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(getFieldErrors([entry('name', 'Required'), hostile])).toStrictEqual({});
  });
});

describe('getFieldErrors: field names', () => {
  it('joins a path of names and indexes with dots', () => {
    expect(getFieldErrors([{ loc: ['body', 'items', 0], msg: 'Bad' }])).toStrictEqual({ 'body.items.0': 'Bad' });
  });

  it('takes the next field key when a path has other parts or none', () => {
    expect(getFieldErrors([{ loc: ['body', null], name: 'email', msg: 'Bad' }])).toStrictEqual({ email: 'Bad' });
    expect(getFieldErrors([{ loc: [], name: 'email', msg: 'Bad' }])).toStrictEqual({ email: 'Bad' });
  });

  it('takes the next field key when a field is blank or not a string', () => {
    expect(getFieldErrors([{ field: '  ', name: 'email', message: 'Bad' }])).toStrictEqual({ email: 'Bad' });
    expect(getFieldErrors([{ field: 42, name: 'email', message: 'Bad' }])).toStrictEqual({ email: 'Bad' });
  });
});

describe('getFieldErrors: messages', () => {
  it('takes the next message key when a message is blank or not a string', () => {
    expect(getFieldErrors([{ field: 'a', message: '  ', reason: 'Required' }])).toStrictEqual({ a: 'Required' });
    expect(getFieldErrors([{ field: 'a', message: 42, reason: 'Required' }])).toStrictEqual({ a: 'Required' });
  });

  it('cuts a message after 500 characters and keeps one of exactly 500', () => {
    expect(getFieldErrors([entry('a', 'x'.repeat(500)), entry('b', 'y'.repeat(501))])).toStrictEqual({
      a: 'x'.repeat(500),
      b: `${'y'.repeat(500)}…`,
    });
  });

  it('adds nothing for a __proto__ field and keeps the result a plain object', () => {
    const result = getFieldErrors([entry('__proto__', 'x'), entry('name', 'Required')]);
    expect(result).toStrictEqual({ name: 'Required' });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});

describe('getFieldErrors: limits', () => {
  it('reads the first 100 items of an array only', () => {
    const result = getFieldErrors(range(101).map((i) => entry('name', `m${i}`)));
    expect(result.name?.split('; ')).toHaveLength(100);
    expect(result.name).not.toContain('m100');
  });

  it('reads the first 100 keys of a map only', () => {
    const map = Object.fromEntries([['bad', []], ...range(100).map((i) => [`f${i}`, ['x']])]);
    expect(Object.keys(getFieldErrors(map))).toHaveLength(99);
  });

  it('keeps at most 100 fields', () => {
    const hundred = Object.fromEntries(range(100).map((i) => [`a${i}`, 'x']));
    const result = getFieldErrors([hundred, { b: 'x' }]);
    expect(Object.keys(result)).toHaveLength(100);
    expect(result).not.toHaveProperty('b');
  });
});
