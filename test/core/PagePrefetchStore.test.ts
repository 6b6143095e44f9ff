import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import { PagePrefetchStore, pagePrefetchStoreFor } from '../../src/core/PagePrefetchStore.js';

/** A fetch of a page that records its signal and answers with `page-<n>`. */
function fetcher(page: number) {
  const signals: AbortSignal[] = [];
  const fetchPage = vi.fn((signal: AbortSignal) => {
    signals.push(signal);
    return Promise.resolve(`page-${page}`);
  });
  return { fetchPage, signals };
}

describe('PagePrefetchStore.start', () => {
  it('fetches the page once while the same page after the same pages is asked for again', () => {
    const store = new PagePrefetchStore();
    const a = fetcher(2);
    store.start('list', 2, 100, a.fetchPage);
    store.start('list', 2, 100, a.fetchPage);
    expect(a.fetchPage).toHaveBeenCalledTimes(1);
    expect(a.signals[0]!.aborted).toBe(false);
    expect(store.has('list')).toBe(true);
  });

  it('replaces the prefetch of another page, aborting it', () => {
    const store = new PagePrefetchStore();
    const a = fetcher(2);
    const b = fetcher(3);
    store.start('list', 2, 100, a.fetchPage);
    store.start('list', 3, 100, b.fetchPage);
    expect(a.signals[0]!.aborted).toBe(true);
    expect(b.fetchPage).toHaveBeenCalledTimes(1);
    expect(b.signals[0]!.aborted).toBe(false);
  });

  it('replaces the prefetch of the same page after other pages (a refetch in between), aborting it', () => {
    const store = new PagePrefetchStore();
    const a = fetcher(2);
    const b = fetcher(2);
    store.start('list', 2, 100, a.fetchPage);
    store.start('list', 2, 200, b.fetchPage);
    expect(a.signals[0]!.aborted).toBe(true);
    expect(b.fetchPage).toHaveBeenCalledTimes(1);
  });

  it('keeps one prefetch per list', () => {
    const store = new PagePrefetchStore();
    const a = fetcher(2);
    const b = fetcher(2);
    store.start('one', 2, 100, a.fetchPage);
    store.start('two', 2, 100, b.fetchPage);
    expect(a.signals[0]!.aborted).toBe(false);
    expect(store.has('one') && store.has('two')).toBe(true);
  });
});

describe('PagePrefetchStore.take', () => {
  it('gives the prefetched page that continues the same pages, once', async () => {
    const store = new PagePrefetchStore();
    const a = fetcher(2);
    store.start('list', 2, 100, a.fetchPage);
    await expect(store.take('list', 2, 100)).resolves.toBe('page-2');
    expect(store.has('list')).toBe(false);
    expect(store.take('list', 2, 100)).toBeUndefined();
    expect(a.signals[0]!.aborted).toBe(false);
  });

  it('gives nothing for a list without a prefetch', () => {
    expect(new PagePrefetchStore().take('list', 2, 100)).toBeUndefined();
  });

  it('gives nothing for another page, or after other pages, and aborts and forgets the prefetch', () => {
    for (const [page, basis] of [
      [3, 100],
      [2, 200],
    ] as const) {
      const store = new PagePrefetchStore();
      const a = fetcher(2);
      store.start('list', 2, 100, a.fetchPage);
      expect(store.take('list', page, basis)).toBeUndefined();
      expect(a.signals[0]!.aborted).toBe(true);
      expect(store.has('list')).toBe(false);
    }
  });
});

describe('PagePrefetchStore.cancel', () => {
  it('aborts and forgets the prefetch of a list', () => {
    const store = new PagePrefetchStore();
    const a = fetcher(2);
    store.start('list', 2, 100, a.fetchPage);
    store.cancel('list');
    expect(a.signals[0]!.aborted).toBe(true);
    expect(store.has('list')).toBe(false);
  });

  it('does nothing for a list without a prefetch', () => {
    const store = new PagePrefetchStore();
    expect(() => store.cancel('list')).not.toThrow();
    expect(store.has('list')).toBe(false);
  });
});

describe('pagePrefetchStoreFor', () => {
  it('is one store per QueryClient', () => {
    const one = new QueryClient();
    expect(pagePrefetchStoreFor(one)).toBe(pagePrefetchStoreFor(one));
    expect(pagePrefetchStoreFor(one)).not.toBe(pagePrefetchStoreFor(new QueryClient()));
  });
});
