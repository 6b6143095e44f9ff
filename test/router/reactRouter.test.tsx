import { act, fireEvent, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import {
  BrowserRouter,
  createBrowserRouter,
  createStaticHandler,
  createStaticRouter,
  Route,
  RouterProvider,
  Routes,
  StaticRouterProvider,
  useLocation,
  useSearchParams,
} from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { useReactRouterPageSync } from '../../src/router/useReactRouterPageSync.js';
import { createHarness } from '../react/senseiTestHarness.js';
import { click, firstIdOf, PagedList, shown } from './PagedList.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

/** A route with a filter the app keeps in the router, a view-only sort, and one or two lists. */
function MigrationsRoute({ prefixes = [''] }: { prefixes?: string[] }) {
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? 'all';
  return (
    <>
      <output aria-label="router URL">{useLocation().search}</output>
      <button type="button" onClick={() => setSearch((s) => (s.set('status', 'completed'), s))}>
        Completed only
      </button>
      <button type="button" onClick={() => setSearch((s) => (s.set('sort', 'name'), s))}>
        Sort by name
      </button>
      {prefixes.map((prefix) => (
        <ListWithPrefix key={prefix} prefix={prefix} status={status} />
      ))}
    </>
  );
}

function ListWithPrefix({ prefix, status }: { prefix: string; status: string }) {
  const urlSync = useReactRouterPageSync({ prefix });
  return <PagedList name={prefix ? `List ${prefix}` : 'Migrations'} urlSync={urlSync} params={{ status }} />;
}

const routerURL = () => screen.getByRole('status', { name: 'router URL' }).textContent;

describe('useReactRouterPageSync (React Router 7)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  function renderDataRouter(path: string, prefixes?: string[], loader?: () => null) {
    window.history.pushState(null, '', '/start');
    const start = window.history.length;
    window.history.pushState(null, '', path);
    const h = createHarness();
    const router = createBrowserRouter([
      { path: '/start', element: <p>Start</p> },
      { path: '/migrations', element: <MigrationsRoute prefixes={prefixes} />, loader, hydrateFallbackElement: <p>Loading</p> },
    ]);
    render(<RouterProvider router={router} />, { wrapper: h.wrapper });
    return { h, router, start };
  }

  it('pages through the router: the router sees each page, keeps the filter, and Back/Forward move between pages', async () => {
    const { h, router } = renderDataRouter('/migrations?status=running');
    await flush();
    expect(shown()).toBe(`Page 1 of 3, first ${firstIdOf(1)}`);
    await click('Next');
    await click('Next');
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    // The router itself holds the page (not only window.location), next to the filter.
    expect(router.state.location.search).toBe('?status=running&page=3');
    expect(routerURL()).toBe('?status=running&page=3');

    // The case: a router-driven change of another param keeps the page.
    fireEvent.click(screen.getByRole('button', { name: 'Sort by name' }));
    await flush();
    expect(routerURL()).toBe('?status=running&page=3&sort=name');
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);

    act(() => void router.navigate(-1));
    await flush(10);
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    act(() => void router.navigate(-1));
    await flush(10);
    expect(shown()).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
    expect(window.location.search).toBe('?status=running&page=2');
    act(() => void router.navigate(1));
    await flush(10);
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    // Every request carried the filter; Back and Forward were served from the cache.
    expect(h.api.requests.map((r) => `${r.searchParams.get('status')}:${r.searchParams.get('page')}`)).toEqual(['running:1', 'running:2', 'running:3']);
  });

  it('a filter change through the router goes back to page 1, replacing the entry', async () => {
    const { h, start } = renderDataRouter('/migrations?page=3');
    await flush();
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    fireEvent.click(screen.getByRole('button', { name: 'Completed only' }));
    await flush();
    await flush();
    expect(routerURL()).toBe('?page=1&status=completed');
    expect(shown()).toBe(`Page 1 of 3, first ${firstIdOf(1)}`);
    expect(window.history.length).toBe(start + 2); // the filter's own entry, corrected in place
    expect(h.api.requests.map((r) => `${r.searchParams.get('status')}:${r.searchParams.get('page')}`)).toEqual(['all:3', 'completed:1']);
  });

  it('a page past the end is clamped with replace: no history entry, Back leaves the list', async () => {
    const { h, router, start } = renderDataRouter('/migrations?status=running&page=9');
    await flush();
    await flush();
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(routerURL()).toBe('?status=running&page=3');
    expect(window.history.length).toBe(start + 1);
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['9', '3']);
    act(() => void router.navigate(-1));
    await flush(10);
    expect(router.state.location.pathname).toBe('/start');
    expect(screen.getByText('Start')).toBeInTheDocument();
  });

  it('two prefixed lists share the URL: each pages on its own, and both clamp in one tick', async () => {
    // Each navigation runs the route's loader: the count shows the clamps made one navigation
    // together, not a second list's write undoing the first's and a third putting it back.
    const loader = vi.fn(() => null);
    const { router, start } = renderDataRouter('/migrations?a_page=9&b_page=7', ['a_', 'b_'], loader);
    await flush();
    await flush();
    await flush();
    // The first load, list a's clamp, then b's on top of it (without building on a's: a fourth).
    expect(loader).toHaveBeenCalledTimes(3);
    expect(shown('List a_')).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(shown('List b_')).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(routerURL()).toBe('?a_page=3&b_page=3');
    expect(window.history.length).toBe(start + 1);

    await click('Previous', 'List a_');
    await click('Previous', 'List b_');
    await click('Previous', 'List b_');
    expect(routerURL()).toBe('?a_page=2&b_page=1');
    expect(shown('List a_')).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
    act(() => void router.navigate(-1));
    await flush(10);
    expect(shown('List a_')).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
    expect(shown('List b_')).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
  });

  it('library mode (<BrowserRouter>): pages, keeps the filter, and follows the browser Back button', async () => {
    window.history.pushState(null, '', '/migrations?status=failed');
    const h = createHarness();
    render(
      <BrowserRouter>
        <Routes>
          <Route path="/migrations" element={<MigrationsRoute />} />
        </Routes>
      </BrowserRouter>,
      { wrapper: h.wrapper },
    );
    await flush();
    await click('Next');
    expect(routerURL()).toBe('?status=failed&page=2');
    act(() => window.history.back());
    await flush(10);
    expect(shown()).toBe(`Page 1 of 3, first ${firstIdOf(1)}`);
    expect(routerURL()).toBe('?status=failed');
  });

  it('server-renders the requested page with the static router (as framework mode does)', async () => {
    vi.useRealTimers();
    const h = createHarness();
    await h.queryClient.query(senseiQueries(h.client).list({ path: '/v1/migrations', page: 2, params: { status: 'running' } }));
    const handler = createStaticHandler([{ path: '/migrations', element: <MigrationsRoute /> }]);
    const context = await handler.query(new Request('http://app.test/migrations?status=running&page=2'));
    if (context instanceof Response) throw new Error('unexpected redirect');
    const html = renderToString(<h.wrapper><StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} /></h.wrapper>);
    expect(html).toContain(`Page <!-- -->2<!-- --> of <!-- -->3<!-- -->, first <!-- -->${firstIdOf(2)}`);
    expect(h.api.countRequests({ path: '/v1/migrations' })).toBe(1);
  });
});
