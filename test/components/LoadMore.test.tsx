import { notifyManager } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadMore, type LoadMoreProps } from '../../src/components/LoadMore.js';
import { type UseInfiniteListOptions, useInfiniteList } from '../../src/react/useInfiniteList.js';
import type { ActivityEvent } from '../../src/testing/index.js';
import { fakeTimersUser } from '../fakeTimersUser.js';
import { createHarness } from '../react/senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const feed = { method: 'GET', path: '/v1/activity' } as const;

function Feed({ options, ...props }: Omit<LoadMoreProps, 'list'> & { options?: Partial<UseInfiniteListOptions<ActivityEvent>> }) {
  const list = useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext: false, ...options });
  return (
    <>
      {props.direction === 'backward' ? <LoadMore list={list} {...props} /> : null}
      <ul aria-label="Activity">
        {list.items.map((event) => (
          <li key={event.id}>{event.message}</li>
        ))}
      </ul>
      {props.direction === 'backward' ? null : <LoadMore list={list} {...props} />}
    </>
  );
}

/**
 * A controllable IntersectionObserver. `intersect(true)` scrolls the sentinel into view and tells
 * every observer; `place(false)` moves it without a report (layout did), which an observer then
 * reports on `observe`, as a real one does.
 */
function stubIntersectionObserver() {
  let inView = false;
  const observers = new Set<{ callback: IntersectionObserverCallback; targets: Element[] }>();
  const report = (entry: { callback: IntersectionObserverCallback; targets: Element[] }) =>
    entry.callback(entry.targets.map((target) => ({ target, isIntersecting: inView }) as IntersectionObserverEntry), {} as IntersectionObserver);
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      readonly entry: { callback: IntersectionObserverCallback; targets: Element[] };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, targets: [] };
        observers.add(this.entry);
      }
      observe(target: Element) {
        this.entry.targets.push(target);
        const { entry } = this;
        queueMicrotask(() => {
          if (observers.has(entry)) report(entry);
        });
      }
      disconnect() {
        observers.delete(this.entry);
      }
    },
  );
  return {
    intersect: (value: boolean) =>
      act(async () => {
        inView = value;
        for (const entry of observers) report(entry);
      }),
    place: (value: boolean) => {
      inView = value;
    },
  };
}

const button = () => screen.getByRole('button');
const root = () => button().closest('[data-slot="load-more"]');

describe('LoadMore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    notifyManager.setScheduler(queueMicrotask); // test/setup.ts's
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('"Load 50 more" until "All 150 loaded"; the status says how far; focus stays on the button', async () => {
    const user = fakeTimersUser();
    const h = createHarness();
    render(<Feed locale="en-US" />, { wrapper: h.wrapper });
    expect(root()).toHaveAttribute('data-state', 'pending');
    await flush();
    expect(button()).toHaveAccessibleName('Load 50 more');
    expect(screen.getByRole('status')).toHaveTextContent('Loaded 50 of 150');
    expect(screen.getAllByRole('listitem')).toHaveLength(50);

    await user.click(button());
    await flush();
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
    expect(screen.getByRole('status')).toHaveTextContent('Loaded 100 of 150');
    expect(button()).toHaveFocus();

    await user.keyboard('{Enter}');
    await flush();
    expect(button()).toHaveAccessibleName('All 150 loaded');
    expect(button()).toHaveAttribute('aria-disabled', 'true');
    expect(button()).toHaveFocus(); // never `disabled`: focus does not fall to <body>
    expect(root()).toHaveAttribute('data-state', 'done');
    await user.click(button());
    await flush();
    expect(h.api.countRequests(feed)).toBe(3);
  });

  it('says "Loading…" and is busy while a page loads; a click then sends nothing more', async () => {
    const user = fakeTimersUser();
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 300 } } } });
    render(<Feed />, { wrapper: h.wrapper });
    await flush(300);
    await user.click(button());
    await flush(10);
    expect(button()).toHaveAccessibleName('Loading…');
    expect(root()).toHaveAttribute('aria-busy', 'true');
    await user.click(button());
    await flush(300);
    expect(h.api.countRequests(feed)).toBe(2);
    expect(root()).not.toHaveAttribute('aria-busy');
  });

  it('formats numbers for the locale and hands labels the value for plurals', async () => {
    const h = createHarness({ api: { activity: 1101 } });
    const plural = new Intl.PluralRules('de-DE');
    render(
      <Feed
        options={{ perPage: 100 }}
        locale="de-DE"
        labels={{
          loadMore: ({ count, value }) => `${count} ${plural.select(value) === 'one' ? 'weiteren' : 'weitere'} laden`,
          status: ({ loaded, total }) => `${loaded.count} von ${total.count} geladen`,
        }}
      />,
      { wrapper: h.wrapper },
    );
    await flush();
    expect(button()).toHaveAccessibleName('100 weitere laden');
    expect(screen.getByRole('status')).toHaveTextContent('100 von 1.101 geladen');
    for (let page = 2; page <= 11; page += 1) {
      fireEvent.click(button());
      await flush();
    }
    expect(button()).toHaveAccessibleName('1 weiteren laden');
    expect(screen.getByRole('status')).toHaveTextContent('1.100 von 1.101 geladen');
  });

  it('waits while the rate-limit gate is closed: aria-disabled, described, and a click sends nothing', async () => {
    const user = fakeTimersUser();
    const h = createHarness({ api: { scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 4, retryAfterSeconds: null } } } });
    render(<Feed />, { wrapper: h.wrapper });
    await flush();
    expect(root()).toHaveAttribute('data-state', 'waiting');
    expect(button()).toHaveAttribute('aria-disabled', 'true');
    expect(button()).toHaveAccessibleDescription('Paused by the rate limit; loading resumes when it resets.');
    await user.click(button());
    await flush(1000);
    expect(h.api.countRequests(feed)).toBe(1);
    await flush(4100);
    expect(root()).toHaveAttribute('data-state', 'idle');
    expect(button()).not.toHaveAttribute('aria-disabled');
    expect(button()).toHaveAccessibleName('Load 50 more');
  });

  it('a failed page: "Try again" retries it; the loaded items stay', async () => {
    const user = fakeTimersUser();
    const h = createHarness();
    render(<Feed />, { wrapper: h.wrapper });
    await flush();
    h.api.setScenario({ error: { status: 404, match: feed } });
    await user.click(button());
    await flush();
    expect(button()).toHaveAccessibleName('Try again');
    expect(root()).toHaveAttribute('data-state', 'error');
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    h.api.setScenario({ error: undefined });
    await user.click(button());
    await flush();
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
  });

  it('auto: loads when the sentinel scrolls into view, but not while the gate is closed, a load runs, or after a failure', async () => {
    const { intersect } = stubIntersectionObserver();
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 100 } } } });
    render(<Feed auto />, { wrapper: h.wrapper });
    await flush(100);
    expect(h.api.countRequests(feed)).toBe(1);
    await intersect(true);
    await flush(10);
    expect(h.api.countRequests(feed)).toBe(2);
    await flush(10); // still in view, the load still running: nothing more
    expect(h.api.countRequests(feed)).toBe(2);
    await flush(100);
    // Still in view once page 2 is in: the next one follows.
    expect(h.api.countRequests(feed)).toBe(3);
    await flush(100);
    expect(screen.getAllByRole('listitem')).toHaveLength(150);
    expect(button()).toHaveAccessibleName('All 150 loaded');
    expect(h.api.countRequests(feed)).toBe(3);
  });

  it('auto: a sentinel seen before the items arrived does not load; the next report decides', async () => {
    const { intersect, place } = stubIntersectionObserver();
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 100 } } } });
    render(<Feed auto />, { wrapper: h.wrapper });
    await intersect(true); // the list is empty: the sentinel is in view
    place(false); // the first page's items push it out
    await flush(100);
    await flush(100);
    expect(h.api.countRequests(feed)).toBe(1);
    await intersect(true);
    await flush(10);
    expect(h.api.countRequests(feed)).toBe(2);
  });

  it('auto: holds while the gate is closed and resumes when it opens', async () => {
    const { intersect } = stubIntersectionObserver();
    const h = createHarness({ api: { scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 4, retryAfterSeconds: null } } } });
    render(<Feed auto />, { wrapper: h.wrapper });
    await flush();
    await intersect(true);
    await flush(1000);
    expect(h.api.countRequests(feed)).toBe(1);
    expect(h.client.rateLimit.waitingCount).toBe(0);
    await flush(4100);
    // Page 2 once the gate opens, then page 3: the sentinel is still in view.
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(button()).toHaveAccessibleName('All 150 loaded');
  });

  it('auto: keeps loading while the sentinel stays in view, also when each page was prefetched', async () => {
    const { intersect } = stubIntersectionObserver();
    // TanStack's own scheduler, as in an app: a page taken from the prefetch arrives before React
    // renders its "Loading…", so only the new pages tell LoadMore that the load ended.
    notifyManager.setScheduler((notify) => setTimeout(notify, 0));
    const h = createHarness();
    render(<Feed auto options={{ prefetchNext: true }} />, { wrapper: h.wrapper });
    await flush();
    await flush();
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2']);
    await intersect(true);
    for (let i = 0; i < 5; i += 1) await flush(10);
    // Pages 2 and 3 were prefetched; each taken without a "Loading…" render in between.
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(screen.getAllByRole('listitem')).toHaveLength(150);
    expect(button()).toHaveAccessibleName('All 150 loaded');
  });

  it('auto: stops after a failure until the user retries', async () => {
    const { intersect } = stubIntersectionObserver();
    const h = createHarness();
    render(<Feed auto />, { wrapper: h.wrapper });
    await flush();
    h.api.setScenario({ error: { status: 404, match: feed } });
    await intersect(true);
    await flush();
    await flush(5000);
    expect(h.api.countRequests(feed)).toBe(2);
    h.api.setScenario({ error: undefined });
    fireEvent.click(button());
    await flush();
    await flush();
    expect(h.api.countRequests(feed)).toBe(4); // the retry, then page 3 as the sentinel is still in view
    expect(button()).toHaveAccessibleName('All 150 loaded');
  });

  it('backward: loads the pages maxPages dropped, above the list', async () => {
    const user = fakeTimersUser();
    const h = createHarness();
    function Both() {
      const list = useInfiniteList<ActivityEvent>({ path: '/v1/activity', maxPages: 1, prefetchNext: false });
      return (
        <>
          <LoadMore list={list} direction="backward" data-testid="up" />
          <LoadMore list={list} data-testid="down" />
        </>
      );
    }
    render(<Both />, { wrapper: h.wrapper });
    await flush();
    const up = () => screen.getByTestId('up').querySelector('button')!;
    const down = () => screen.getByTestId('down').querySelector('button')!;
    expect(up()).toHaveAccessibleName('Start of the list');
    expect(up()).toHaveAttribute('aria-disabled', 'true');
    await user.click(down());
    await flush();
    expect(up()).toHaveAccessibleName('Load 50 earlier');
    expect(screen.getAllByRole('status')).toHaveLength(1); // one announcement per list
    await user.click(up());
    await flush();
    expect(up()).toHaveAccessibleName('Start of the list');
    expect(down()).toHaveAccessibleName('Load 50 more');
  });
});
