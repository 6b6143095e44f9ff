import { describe, expect, it } from 'vitest';
import { clampPage, pageCount, pageForFirstItem, wholePage } from '../../src/core/pageMath.js';

describe('pageForFirstItem: the page that keeps the first visible item when per_page changes', () => {
  it('page 3 of 10 per page starts at item 20: page 2 of 20, page 5 of 5, page 1 of 25', () => {
    expect(pageForFirstItem(3, 10, 20)).toBe(2);
    expect(pageForFirstItem(3, 10, 5)).toBe(5);
    expect(pageForFirstItem(3, 10, 25)).toBe(1);
    expect(pageForFirstItem(3, 10, 10)).toBe(3);
  });

  it('page 1 stays page 1', () => {
    expect(pageForFirstItem(1, 50, 10)).toBe(1);
  });

  it('treats a page, per_page or next per_page below 1 as 1', () => {
    expect(pageForFirstItem(0, 10, 5)).toBe(1);
    expect(pageForFirstItem(-4, 10, 5)).toBe(1);
    expect(pageForFirstItem(5, 0, 2)).toBe(3);
    expect(pageForFirstItem(5, -3, 2)).toBe(3);
    expect(pageForFirstItem(3, 4, 0)).toBe(9);
    expect(pageForFirstItem(3, 4, -1)).toBe(9);
  });
});

describe('wholePage', () => {
  it('is a whole page, at least 1', () => {
    expect(wholePage(3.9)).toBe(3);
    expect(wholePage(0)).toBe(1);
    expect(wholePage(-2)).toBe(1);
    expect(wholePage(Number.NaN)).toBe(1);
  });
});

describe('pageCount', () => {
  it('is a whole number, 0 when not finite, capped at 2^53 - 1', () => {
    expect(pageCount(4.5)).toBe(4);
    expect(pageCount(-1)).toBe(0);
    expect(pageCount(undefined)).toBe(0);
    expect(pageCount(Infinity)).toBe(0);
    expect(pageCount(2 ** 60)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('clampPage', () => {
  it('keeps a page within [1, totalPages]', () => {
    expect(clampPage(2, 5)).toBe(2);
    expect(clampPage(9, 5)).toBe(5);
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(2.7, 5)).toBe(2);
  });

  it('is 1 when there are no pages or the page is not finite', () => {
    expect(clampPage(3, 0)).toBe(1);
    expect(clampPage(Number.NaN, 5)).toBe(1);
    expect(clampPage(Infinity, 5)).toBe(1);
  });
});
