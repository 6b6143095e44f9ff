import { describe, expect, it } from 'vitest';
import {
  paginationRange,
  paginationWindow,
  paginationWindowSize,
  type PaginationWindowItem,
} from '../../src/core/paginationWindow.js';

/** `1 … 49 50 51 … 100` as a compact string: pages by number, ellipses as `…`. */
const show = (items: PaginationWindowItem[]) => items.map((item) => (item.type === 'page' ? item.page : '…')).join(' ');

describe('paginationWindow', () => {
  it.each([
    [1, '1 2 3 4 5 … 100'],
    [2, '1 2 3 4 5 … 100'],
    [4, '1 2 3 4 5 … 100'],
    [5, '1 … 4 5 6 … 100'],
    [50, '1 … 49 50 51 … 100'],
    [96, '1 … 95 96 97 … 100'],
    [97, '1 … 96 97 98 99 100'],
    [99, '1 … 96 97 98 99 100'],
    [100, '1 … 96 97 98 99 100'],
  ])('page %i of 100 shows %s', (page, expected) => {
    expect(show(paginationWindow({ page, totalPages: 100 }))).toBe(expected);
  });

  it('gives exact items, ellipses keyed by side', () => {
    expect(paginationWindow({ page: 50, totalPages: 100 })).toEqual([
      { type: 'page', page: 1 },
      { type: 'ellipsis', key: 'start' },
      { type: 'page', page: 49 },
      { type: 'page', page: 50 },
      { type: 'page', page: 51 },
      { type: 'ellipsis', key: 'end' },
      { type: 'page', page: 100 },
    ]);
  });

  it('has the same number of items for 10⁶ pages as for 10: paginationWindowSize() = 7', () => {
    expect(paginationWindowSize()).toBe(7);
    for (const totalPages of [8, 10, 100, 10_000, 1_000_000]) {
      for (const page of [1, 2, 3, 4, 5, Math.floor(totalPages / 2), totalPages - 3, totalPages - 1, totalPages]) {
        expect(paginationWindow({ page, totalPages })).toHaveLength(7);
      }
    }
    expect(show(paginationWindow({ page: 500_000, totalPages: 1_000_000 }))).toBe('1 … 499999 500000 500001 … 1000000');
    expect(show(paginationWindow({ page: 4000, totalPages: 10_000 }))).toBe('1 … 3999 4000 4001 … 10000');
  });

  it('costs the same for 10⁶ pages as for 10 (no work proportional to totalPages)', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    expect(paginationWindow({ page: huge, totalPages: huge })).toHaveLength(7);
    expect(paginationWindow({ page: 2, totalPages: huge }).at(-1)).toEqual({ type: 'page', page: huge });
  });

  it('lists every page when they fit, and none for 0 pages', () => {
    expect(show(paginationWindow({ page: 1, totalPages: 1 }))).toBe('1');
    expect(show(paginationWindow({ page: 3, totalPages: 7 }))).toBe('1 2 3 4 5 6 7');
    expect(paginationWindow({ page: 1, totalPages: 0 })).toEqual([]);
  });

  it('never hides a single page behind an ellipsis', () => {
    for (let page = 1; page <= 30; page += 1) {
      const items = paginationWindow({ page, totalPages: 30 });
      items.forEach((item, index) => {
        if (item.type !== 'ellipsis') return;
        const before = items[index - 1];
        const after = items[index + 1];
        if (before?.type !== 'page' || after?.type !== 'page') throw new Error('an ellipsis sits between pages');
        expect(after.page - before.page).toBeGreaterThanOrEqual(3);
      });
      expect(items).toContainEqual({ type: 'page', page });
    }
  });

  it('honours siblingCount and boundaryCount, with a constant size of 2b + 2s + 3', () => {
    const options = { siblingCount: 2, boundaryCount: 2 };
    expect(paginationWindowSize(options)).toBe(11);
    expect(show(paginationWindow({ page: 50, totalPages: 100, ...options }))).toBe('1 2 … 48 49 50 51 52 … 99 100');
    expect(show(paginationWindow({ page: 1, totalPages: 100, ...options }))).toBe('1 2 3 4 5 6 7 8 … 99 100');
    expect(show(paginationWindow({ page: 50, totalPages: 100, siblingCount: 0, boundaryCount: 0 }))).toBe('… 50 …');
    expect(show(paginationWindow({ page: 1, totalPages: 100, siblingCount: 0, boundaryCount: 0 }))).toBe('1 2 …');
  });

  it('clamps the page and tolerates nonsense', () => {
    expect(show(paginationWindow({ page: 500, totalPages: 100 }))).toBe('1 … 96 97 98 99 100');
    expect(show(paginationWindow({ page: -3, totalPages: 100 }))).toBe('1 2 3 4 5 … 100');
    expect(show(paginationWindow({ page: Number.NaN, totalPages: 3 }))).toBe('1 2 3');
    expect(paginationWindow({ page: 1, totalPages: Number.NaN })).toEqual([]);
    expect(paginationWindow({ page: 1, totalPages: 100, siblingCount: -1 })).toHaveLength(5);
  });
});

describe('paginationRange', () => {
  it('gives the first and last item of a page: Showing 51–100 of 150', () => {
    expect(paginationRange({ page: 2, perPage: 50, total: 150 })).toEqual({ first: 51, last: 100, total: 150, isEmpty: false });
    expect(paginationRange({ page: 3, perPage: 50, total: 140 })).toEqual({ first: 101, last: 140, total: 140, isEmpty: false });
  });

  it('is empty for 0 items and for a page past the end', () => {
    expect(paginationRange({ page: 1, perPage: 50, total: 0 })).toEqual({ first: 0, last: 0, total: 0, isEmpty: true });
    expect(paginationRange({ page: 4, perPage: 50, total: 150 })).toEqual({ first: 0, last: 0, total: 150, isEmpty: true });
  });
});
