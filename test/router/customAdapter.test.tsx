import { act, fireEvent, render, screen } from '@testing-library/react';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import type { PageUrlSync } from '../../src/react/createLocationPageSync.js';
import { createHarness } from '../react/senseiTestHarness.js';
import { firstIdOf, PagedList } from './PagedList.js';

// A hook-based router of the simplest kind (its search in React state, mirrored to history),
// standing in for "any other router" in the README.
type Search = Record<string, unknown>;
type SetSearch = (next: Search, options?: { replace?: boolean }) => void;
const RouterContext = createContext<[Search, SetSearch]>([{}, () => {}]);
const parse = (search: string): Search => Object.fromEntries(new URLSearchParams(search));

function MyRouter({ children, initialSearch }: { children: ReactNode; initialSearch?: string }) {
  const [search, setState] = useState(() => parse(initialSearch ?? window.location.search));
  const setSearch = useCallback<SetSearch>((next, { replace } = {}) => {
    const query = new URLSearchParams(Object.entries(next).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
    window.history[replace ? 'replaceState' : 'pushState'](null, '', `?${query}`);
    setState(next);
  }, []);
  useEffect(() => {
    const onPop = () => setState(parse(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return <RouterContext.Provider value={[search, setSearch]}>{children}</RouterContext.Provider>;
}
const useMyRouterSearch = () => useContext(RouterContext);

// The README's adapter, as written there.
function useMyRouterPageSync(): PageUrlSync {
  const [search, setSearch] = useMyRouterSearch();
  return useMemo(() => {
    const state = { page: Number(search.page) || undefined, perPage: Number(search.per_page) || undefined };
    return {
      read: () => state,
      readServer: () => state, // what the server renders; leave out if it cannot know the URL
      write: ({ page, perPage }, { replace } = {}) => setSearch({ ...search, page, per_page: perPage }, { replace }),
      subscribe: () => () => {},
    };
  }, [search, setSearch]);
}

function Migrations() {
  const [search] = useMyRouterSearch();
  return <PagedList name="Migrations" urlSync={useMyRouterPageSync()} params={{ status: String(search.status ?? 'all') }} />;
}

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const shown = () => screen.getByText(/^Page/).textContent;

describe("the README's few-line adapter for any hook-based router", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  it('clamps with replace, keeps the filter, and follows Back/Forward', async () => {
    window.history.pushState(null, '', '/start');
    const start = window.history.length;
    window.history.pushState(null, '', '/migrations?status=running&page=9');
    const h = createHarness();
    render(
      <MyRouter>
        <Migrations />
      </MyRouter>,
      { wrapper: h.wrapper },
    );
    await flush();
    await flush();
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(window.location.search).toBe('?status=running&page=3');
    expect(window.history.length).toBe(start + 1);
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await flush();
    expect(window.location.search).toBe('?status=running&page=2');
    act(() => window.history.back());
    await flush(10);
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
  });

  it('server-renders the requested page', async () => {
    vi.useRealTimers();
    const h = createHarness();
    await h.queryClient.query(senseiQueries(h.client).list({ path: '/v1/migrations', page: 2, params: { status: 'running' } }));
    const html = renderToString(
      <h.wrapper>
        <MyRouter initialSearch="?status=running&page=2">
          <Migrations />
        </MyRouter>
      </h.wrapper>,
    );
    expect(html).toContain(`Page <!-- -->2<!-- --> of <!-- -->3<!-- -->, first <!-- -->${firstIdOf(2)}`);
  });
});
