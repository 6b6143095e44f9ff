import {
  createBrowserHistory,
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
  useNavigate,
  useRouterState,
  useSearch,
} from '@tanstack/react-router';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { useTanStackRouterPageSync } from '../../src/router/useTanStackRouterPageSync.js';
import { validatePageSearch } from '../../src/router/validatePageSearch.js';
import { createHarness } from '../react/senseiTestHarness.js';
import { click, firstIdOf, PagedList, shown } from './PagedList.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const routerURL = () => screen.getByRole('status', { name: 'router URL' }).textContent;

function ListWithPrefix({ prefix, status }: { prefix: string; status: string }) {
  const urlSync = useTanStackRouterPageSync({ prefix });
  return <PagedList name={prefix ? `List ${prefix}` : 'Migrations'} urlSync={urlSync} params={{ status }} />;
}

function createAppRouter(history: ReturnType<typeof createMemoryHistory>, prefixes = ['']) {
  const rootRoute = createRootRoute({ component: Outlet });
  const startRoute = createRoute({ getParentRoute: () => rootRoute, path: '/start', component: () => <p>Start</p> });
  const migrationsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/migrations',
    // The page params validated (typed numbers, bad values dropped) beside the app's own.
    validateSearch: (search: Record<string, unknown>) => ({
      ...prefixes.reduce((all, prefix) => ({ ...all, ...validatePageSearch({ prefix })(search) }), {}),
      ...(typeof search.status === 'string' && { status: search.status }),
      ...(typeof search.sort === 'string' && { sort: search.sort }),
    }),
    component: function MigrationsRoute() {
      const search: { status?: string } = useSearch({ strict: false });
      const navigate = useNavigate();
      const searchStr = useRouterState({ select: (state) => state.location.searchStr });
      return (
        <>
          <output aria-label="router URL">{searchStr}</output>
          <button type="button" onClick={() => void navigate({ to: '.', search: (s: object) => ({ ...s, status: 'completed' }) })}>
            Completed only
          </button>
          <button type="button" onClick={() => void navigate({ to: '.', search: (s: object) => ({ ...s, sort: 'name' }) })}>
            Sort by name
          </button>
          {prefixes.map((prefix) => (
            <ListWithPrefix key={prefix} prefix={prefix} status={search.status ?? 'all'} />
          ))}
        </>
      );
    },
  });
  return createRouter({ routeTree: rootRoute.addChildren([startRoute, migrationsRoute]), history });
}

describe('useTanStackRouterPageSync (TanStack Router)', () => {
  let scrolls: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    vi.useFakeTimers();
    // jsdom has no scrolling; the router's own scroll handling calls it.
    scrolls = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  async function renderBrowserRouter(path: string, prefixes?: string[]) {
    window.history.pushState(null, '', '/start');
    const start = window.history.length;
    window.history.pushState(null, '', path);
    const h = createHarness();
    const router = createAppRouter(createBrowserHistory(), prefixes);
    render(<RouterProvider router={router} />, { wrapper: h.wrapper });
    await flush();
    await flush();
    return { h, router, start };
  }

  it('pages through the router, keeps the filter and another param, and Back/Forward move between pages', async () => {
    const { h } = await renderBrowserRouter('/migrations?status=running');
    expect(shown()).toBe(`Page 1 of 3, first ${firstIdOf(1)}`);
    const scrolled = scrolls.mock.calls.length;
    await click('Next');
    await click('Next');
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(routerURL()).toBe('?status=running&page=3');
    expect(scrolls.mock.calls.length, 'a page change keeps the scroll position (resetScroll: false)').toBe(scrolled);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by name' }));
    await flush();
    expect(routerURL()).toBe('?status=running&page=3&sort=name');
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);

    act(() => window.history.go(-2));
    await flush(10);
    await flush();
    expect(shown()).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
    expect(routerURL()).toBe('?status=running&page=2');
    act(() => window.history.forward());
    await flush(10);
    await flush();
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(h.api.requests.map((r) => `${r.searchParams.get('status')}:${r.searchParams.get('page')}`)).toEqual(['running:1', 'running:2', 'running:3']);
  });

  it('a filter change goes back to page 1 in place; a page past the end is clamped with replace', async () => {
    const { h, start } = await renderBrowserRouter('/migrations?page=9');
    await flush();
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(routerURL()).toBe('?page=3');
    expect(window.history.length).toBe(start + 1);
    fireEvent.click(screen.getByRole('button', { name: 'Completed only' }));
    await flush();
    await flush();
    expect(routerURL()).toBe('?page=1&status=completed');
    expect(window.history.length).toBe(start + 2);
    expect(h.api.requests.map((r) => `${r.searchParams.get('status')}:${r.searchParams.get('page')}`)).toEqual(['all:9', 'all:3', 'completed:1']);
    act(() => window.history.go(-2));
    await flush(10);
    await flush();
    expect(screen.getByText('Start')).toBeInTheDocument();
  });

  it('two prefixed lists share the URL, both clamping in one tick', async () => {
    const { start } = await renderBrowserRouter('/migrations?a_page=9&b_page=7', ['a_', 'b_']);
    await flush();
    await flush();
    expect(routerURL()).toBe('?a_page=3&b_page=3');
    expect(window.history.length).toBe(start + 1);
    await click('Previous', 'List b_');
    await click('Previous', 'List a_');
    expect(routerURL()).toBe('?a_page=2&b_page=2');
    act(() => window.history.back());
    await flush(10);
    await flush();
    expect(shown('List a_')).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(shown('List b_')).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
  });

  it('validatePageSearch types the page params and drops bad values instead of failing the route', async () => {
    const validate = validatePageSearch({ prefix: 'users_' });
    expectTypeOf(validate({})).toEqualTypeOf<{ users_page?: number; users_per_page?: number }>();
    expect(validate({ users_page: 2, users_per_page: '25', page: 4 })).toEqual({ users_page: 2, users_per_page: 25 });
    expect(validate({ users_page: -1, users_per_page: 'abc' })).toEqual({});
    expect(validate({ users_page: 2.5, users_per_page: 2 ** 53 })).toEqual({});
    await renderBrowserRouter('/migrations?page=-3&per_page=abc');
    expect(shown()).toBe(`Page 1 of 3, first ${firstIdOf(1)}`);
  });

  it('server-renders the requested page from a memory history', async () => {
    vi.useRealTimers();
    const h = createHarness();
    await h.queryClient.query(senseiQueries(h.client).list({ path: '/v1/migrations', page: 2, params: { status: 'running' } }));
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/migrations?status=running&page=2'] }));
    await router.load();
    // React 18's server renderer warns for every useLayoutEffect it meets while `document` exists
    // (jsdom here); React 19 dropped that warning. TanStack Router's own components (Transitioner,
    // MatchesInner) use one, which we cannot change: on React 18 that one warning, raised in a
    // TanStack Router component, is expected. Any other console error fails, as does a warning
    // from our hooks (its component stack would start in our code), and on React 19 any at all.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = renderToString(
      <h.wrapper>
        <RouterProvider router={router} />
      </h.wrapper>,
    );
    for (const [message, componentStack] of logged.mock.calls) {
      expect(message).toMatch(/^Warning: useLayoutEffect does nothing on the server\b/);
      expect(String(componentStack).trim().split('\n')[0]).toMatch(/^at \w+ \(\S*\/node_modules\/@tanstack\/react-router\//);
    }
    if (!reactVersion.startsWith('18.')) expect(logged).not.toHaveBeenCalled();
    expect(html).toContain(`Page <!-- -->2<!-- --> of <!-- -->3<!-- -->, first <!-- -->${firstIdOf(2)}`);
    expect(h.api.countRequests({ path: '/v1/migrations' })).toBe(1);
  });
});
