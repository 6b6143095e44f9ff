import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocationPageSync } from '../../src/react/createLocationPageSync.js';

const search = () => new URLSearchParams(window.location.search);

describe('createLocationPageSync pins', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/list?status=done');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  describe('in the browser', () => {
    it('reads page and per_page from the URL', () => {
      window.history.replaceState(null, '', '/list?page=3&per_page=25');
      expect(createLocationPageSync().read()).toStrictEqual({ page: 3, perPage: 25 });
    });

    it('writes the page, keeps other params, and leaves per_page out when not given', () => {
      const sync = createLocationPageSync();
      sync.write({ page: 2, perPage: undefined });
      expect(search().get('page')).toBe('2');
      expect(search().get('per_page')).toBeNull();
      expect(search().get('status')).toBe('done');
      sync.write({ page: 2, perPage: 10 });
      expect(search().get('per_page')).toBe('10');
    });

    it('pushes a history entry per change, none for the URL already there', () => {
      const sync = createLocationPageSync();
      const listener = vi.fn();
      const unsubscribe = sync.subscribe(listener);
      const before = window.history.length;
      sync.write({ page: 2, perPage: undefined });
      expect(window.history.length).toBe(before + 1);
      expect(listener).toHaveBeenCalledTimes(1);
      sync.write({ page: 2, perPage: undefined });
      expect(window.history.length).toBe(before + 1);
      expect(listener).toHaveBeenCalledTimes(1);
      unsubscribe();
    });

    it('replaces the entry for a correction, or always with history: replace', () => {
      const before = window.history.length;
      createLocationPageSync().write({ page: 2, perPage: undefined }, { replace: true });
      expect(window.history.length).toBe(before);
      createLocationPageSync({ history: 'replace' }).write({ page: 3, perPage: undefined });
      expect(window.history.length).toBe(before);
      expect(search().get('page')).toBe('3');
    });

    it('tells every subscriber about Back/Forward, and stops after unsubscribing', () => {
      const sync = createLocationPageSync();
      const first = vi.fn();
      const second = vi.fn();
      const offFirst = sync.subscribe(first);
      const offSecond = sync.subscribe(second);
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(first).toHaveBeenCalledTimes(1);
      expect(second).toHaveBeenCalledTimes(1);
      offFirst();
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(first).toHaveBeenCalledTimes(1);
      expect(second).toHaveBeenCalledTimes(2);
      offSecond();
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(second).toHaveBeenCalledTimes(2);
    });

    it('a single subscriber hears Back/Forward', () => {
      const listener = vi.fn();
      const off = createLocationPageSync().subscribe(listener);
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(listener).toHaveBeenCalledTimes(1);
      off();
    });

    it('leaves no popstate listener on window once the last subscriber leaves', () => {
      const remove = vi.spyOn(window, 'removeEventListener');
      const sync = createLocationPageSync();
      const off = sync.subscribe(() => {});
      off();
      expect(remove).toHaveBeenCalledWith('popstate', expect.any(Function));
    });
  });

  describe('without a window (SSR)', () => {
    it('reads nothing, writes nothing and subscribes without throwing', () => {
      const sync = createLocationPageSync();
      vi.stubGlobal('window', undefined);
      expect(sync.read()).toStrictEqual({ page: undefined, perPage: undefined });
      expect(() => sync.write({ page: 2, perPage: 10 })).not.toThrow();
      const listener = vi.fn();
      let off: () => void = () => {};
      expect(() => {
        off = sync.subscribe(listener);
      }).not.toThrow();
      expect(() => off()).not.toThrow();
      vi.unstubAllGlobals();
      expect(search().get('page')).toBeNull();
      expect(listener).not.toHaveBeenCalled();
    });
  });
});
