// 5. Render cost: Paginator mount time at 10 vs 10⁶ pages (real time), and which components
// re-render while RateLimitBanner counts down 30 s (React Profiler, fake time).
import { act, render } from '@testing-library/react';
import { Profiler, type ComponentType, type ProfilerOnRenderCallback, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import * as reactPaginateModule from 'react-paginate';
import type { ReactPaginateProps } from 'react-paginate';
import { afterEach, it, vi } from 'vitest';
import { Paginator } from '../src/components/Paginator.js';
import { RateLimitBanner } from '../src/components/RateLimitBanner.js';
import { usePaginatedList } from '../src/react/usePaginatedList.js';
import { useRateLimit } from '../src/react/useRateLimit.js';
import { createHarness } from '../test/react/senseiTestHarness.js';
import { advance, median, report, useBenchClock, wallClock } from './benchKit.js';

// A UMD bundle: depending on the interop, `default` is the component or `{ default: component }`.
const paginateExport: unknown = (reactPaginateModule as { default: unknown }).default;
const ReactPaginate = ((paginateExport as { default?: unknown }).default ?? paginateExport) as ComponentType<ReactPaginateProps>;

const WARMUP = 30;
const MOUNTS = 200;
const noop = () => {};

afterEach(() => {
  vi.useRealTimers();
});

/** Mounts `element` into a fresh root; returns the ms the mount took and the items it rendered. */
function mountOnce(element: ReactElement): { ms: number; items: number } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const start = wallClock();
  act(() => root.render(element));
  const ms = wallClock() - start;
  const items = container.querySelectorAll('li').length;
  act(() => root.unmount());
  container.remove();
  return { ms, items };
}

function paginatorAt(totalPages: number): ReactElement {
  const page = Math.ceil(totalPages / 2);
  return (
    <Paginator
      pagination={{ page, per_page: 10, total: totalPages * 10, total_pages: totalPages, has_next: page < totalPages, has_prev: page > 1 }}
      onPageChange={noop}
    />
  );
}

function reactPaginateAt(totalPages: number): ReactElement {
  return <ReactPaginate pageCount={totalPages} forcePage={Math.ceil(totalPages / 2) - 1} onPageChange={noop} />;
}

/** Median mount time of each element, mounting them in turn so drift hits all alike. */
function medians(elements: Record<string, ReactElement>): Record<string, { medianMs: number; items: number }> {
  const times: Record<string, number[]> = {};
  const items: Record<string, number> = {};
  for (let round = 0; round < WARMUP + MOUNTS; round += 1) {
    for (const [name, element] of Object.entries(elements)) {
      const result = mountOnce(element);
      items[name] = result.items;
      if (round >= WARMUP) (times[name] ??= []).push(result.ms);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, { medianMs: median(list), items: items[name] ?? 0 }]));
}

it('Paginator mount time at 10 and 10⁶ pages', () => {
  const paginator = medians({ small: paginatorAt(10), huge: paginatorAt(1_000_000) });
  // react-paginate walks every page on each render, so fewer mounts of it at 10⁶ pages.
  const paginate = medians({ small: reactPaginateAt(10), huge: reactPaginateAt(1_000_000) });
  report('paginator', { mounts: MOUNTS, ours: paginator, reactPaginate: paginate });
});

it('renders while RateLimitBanner counts down 30 s', async () => {
  useBenchClock();
  const h = createHarness({ api: { items: 150 } });
  const commits: Record<string, number> = { banner: 0, list: 0, isLimited: 0, app: 0 };
  const count: ProfilerOnRenderCallback = (id) => {
    commits[id] = (commits[id] ?? 0) + 1;
  };

  function MigrationList() {
    const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations', defaultPerPage: 20 });
    return (
      <ul>
        {list.items.map((m) => (
          <li key={m.id}>{m.id}</li>
        ))}
      </ul>
    );
  }
  function LimitedFlag() {
    const isLimited = useRateLimit((s) => s.isLimited);
    return <p>{isLimited ? 'paused' : 'live'}</p>;
  }
  function App() {
    return (
      <>
        <Profiler id="banner" onRender={count}>
          <RateLimitBanner />
        </Profiler>
        <Profiler id="list" onRender={count}>
          <MigrationList />
        </Profiler>
        <Profiler id="isLimited" onRender={count}>
          <LimitedFlag />
        </Profiler>
      </>
    );
  }

  render(
    <h.wrapper>
      <Profiler id="app" onRender={count}>
        <App />
      </Profiler>
    </h.wrapper>,
  );
  await advance(2000); // the list and its prefetched next page are in
  for (const key of Object.keys(commits)) commits[key] = 0;

  const RETRY_AFTER_S = 30;
  h.api.setScenario({ rateLimitOnce: { retryAfterSeconds: RETRY_AFTER_S } });
  await act(() => h.client.get('/v1/migrations/mig_000001').catch(() => undefined));
  await advance(RETRY_AFTER_S * 1000 + 1000);

  // `app` wraps everything: it commits whenever anything below it does; `App` itself never re-renders.
  report('countdown', { seconds: RETRY_AFTER_S, commits });
});
