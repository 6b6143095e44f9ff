import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useContext, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenseiToaster } from '../../src/components/SenseiToaster.js';
import { formatCountdown } from '../../src/core/formatCountdown.js';
import type { RetryPolicy } from '../../src/core/retryPolicy.js';
import type { SenseiError } from '../../src/core/SenseiError.js';
import { SenseiContext } from '../../src/react/SenseiContext.js';
import { useSenseiMutation } from '../../src/react/useSenseiMutation.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { getSenseiToastQueue, useSenseiToast } from '../../src/react/useSenseiToast.js';
import { createHarness } from '../react/senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const PATH = '/v1/migrations/mig_000001';
const one = { method: 'GET', path: PATH } as const;

const viewport = () => document.querySelector<HTMLElement>('[data-slot="toaster"]')!;
const toasts = () => [...document.querySelectorAll<HTMLElement>('[data-slot="toast"]')];
const toast = (kind: string) => document.querySelector<HTMLElement>(`[data-slot="toast"][data-kind="${kind}"]`);
const countdown = () => document.querySelector('[data-slot="toast-countdown"]')?.textContent;

/** What the tests need to compare with: the query's latest failure and the provider's policy. */
const seen: { failure?: SenseiError | null; error?: SenseiError | null; policy?: RetryPolicy } = {};

function Item({ path = PATH }: { path?: string }) {
  const query = useSenseiQuery<{ id: string }>({ path });
  const policy = useContext(SenseiContext)!.retryPolicy;
  useEffect(() => {
    seen.policy = policy;
    if (path !== PATH) return;
    seen.failure = query.failureReason;
    seen.error = query.error;
  });
  return <p>{query.data ? `loaded ${query.data.id}` : query.isError ? 'failed' : 'loading'}</p>;
}

function renderWith(h: ReturnType<typeof createHarness>, ui = <Item />, toaster = <SenseiToaster />) {
  return render(
    <h.wrapper>
      {ui}
      {toaster}
    </h.wrapper>,
  );
}

describe('SenseiToaster: retry toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down to the retry the policy scheduled (jitter included), then turns into a short success toast', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.6); // backoff: 0.6 × 10 s
    const h = createHarness({
      api: { scenario: { flaky: { sequence: [503, 200] } } },
      provider: { retry: { baseDelayMs: 10_000 } },
    });
    renderWith(h);
    await flush();

    const retrying = toast('retrying')!;
    expect(toasts()).toHaveLength(1);
    expect(within(retrying).getByText('Service unavailable (503)')).toBeInTheDocument();
    const retryAt = seen.policy!.scheduledRetryAt(seen.failure)!;
    expect(retryAt).toBe(Date.now() + 6000);
    expect(countdown()).toBe(`Retrying in ${formatCountdown(retryAt - Date.now())}`);
    const shownSeconds = Number(/0:(\d\d)/.exec(countdown()!)![1]);
    expect(Math.abs(shownSeconds * 1000 - (retryAt - Date.now()))).toBeLessThan(1000);

    await flush(1000);
    expect(countdown()).toBe('Retrying in 0:05');
    await flush(4999);
    expect(countdown()).toBe('Retrying in 0:01');
    expect(h.api.countRequests(one)).toBe(1);
    await flush(1);
    expect(h.api.countRequests(one)).toBe(2);
    expect(screen.getByText('loaded mig_000001')).toBeInTheDocument();

    expect(toast('retrying')).toBeNull();
    const recovered = toast('recovered')!;
    expect(recovered).toHaveAttribute('data-variant', 'success');
    expect(recovered).toHaveTextContent('Recovered');
    expect(recovered).toHaveTextContent('Service unavailable (503): the retry succeeded.');
    await flush(4000);
    expect(toasts()).toHaveLength(0);
  });

  it('"Retry now" sends exactly one request, shows the attempt, and turns into the success toast', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 30 }, slow: { latencyMs: 200 } } } });
    renderWith(h);
    await flush(200);
    expect(countdown()).toBe('Retrying in 0:30');

    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await flush();
    expect(h.api.countRequests(one)).toBe(2);
    expect(toast('retrying')).toHaveTextContent('Retrying now…'); // the toast stays open meanwhile
    await flush(200);
    expect(toast('retrying')).toBeNull();
    expect(toast('recovered')).toHaveTextContent('Recovered');
    expect(screen.getByText('loaded mig_000001')).toBeInTheDocument();

    await flush(60_000);
    expect(h.api.countRequests(one)).toBe(2);
  });

  it('updates in place on the next failure', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 503, 200], retryAfterSeconds: 2 } } } });
    renderWith(h);
    await flush();
    const first = toast('retrying');
    expect(countdown()).toBe('Retrying in 0:02');
    await flush(2000);
    expect(toast('retrying')).toBe(first); // same element, new content
    expect(countdown()).toBe('Retrying in 0:02');
    expect(first).toHaveTextContent('2 failed attempts');
  });

  it('ends in an error toast with the request id when retries run out', async () => {
    const h = createHarness({
      api: { scenario: { flaky: { sequence: [503, 503, 503], retryAfterSeconds: 1 } } },
      provider: { retry: 2 },
    });
    renderWith(h);
    await flush(5000);
    expect(screen.getByText('failed')).toBeInTheDocument();
    expect(toast('retrying')).toBeNull();
    const failed = toast('failed')!;
    expect(failed).toHaveAttribute('data-variant', 'error');
    expect(within(failed).getByText('Service unavailable (503)')).toBeInTheDocument();
    expect(failed).toHaveTextContent('Gave up after 3 attempts.');
    const requestId = seen.error!.requestId!;
    expect(requestId).toMatch(/^req_/);
    expect(within(failed).getByText(requestId)).toBeInTheDocument();
    expect(within(failed).getByRole('button', { name: 'Copy request ID' })).toBeInTheDocument();

    // It stays until dismissed.
    await flush(60_000);
    expect(toast('failed')).not.toBeNull();
    fireEvent.click(within(failed).getByRole('button', { name: 'Dismiss' }));
    await flush();
    expect(toasts()).toHaveLength(0);
  });

  it('groups several retrying requests into one toast, counting down to the earliest retry', async () => {
    const delays = [0.9, 0.3, 0.6];
    let call = 0;
    const h = createHarness({
      api: { scenario: { flaky: { sequence: [503, 503, 503] } } },
      provider: { retry: { baseDelayMs: 10_000, random: () => delays[call++ % 3]! } },
    });
    renderWith(
      h,
      <>
        <Item path="/v1/migrations/mig_000001" />
        <Item path="/v1/migrations/mig_000002" />
        <Item path="/v1/migrations/mig_000003" />
      </>,
    );
    await flush();
    expect(toasts()).toHaveLength(1);
    const group = toast('retrying')!;
    expect(within(group).getByText('3 requests retrying')).toBeInTheDocument();
    expect(group).toHaveTextContent('Service unavailable (503) ×3');
    expect(countdown()).toBe('Next retry in 0:03');

    await flush(3000); // the earliest retry succeeds
    expect(within(toast('retrying')!).getByText('2 requests retrying')).toBeInTheDocument();
    expect(countdown()).toBe('Next retry in 0:03');
    expect(toast('recovered')).toHaveTextContent('Recovered');
    expect(toasts()).toHaveLength(2);

    // "Retry now" on the group: one request per waiting query, no more.
    const before = h.api.countRequests();
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await flush();
    expect(h.api.countRequests()).toBe(before + 2);
    expect(toast('retrying')).toBeNull();
    // Recoveries while the success toast is up join it.
    expect(toast('recovered')).toHaveTextContent('3 requests recovered');
    await flush(60_000);
    expect(h.api.countRequests()).toBe(before + 2);
  });

  it('gives a retrying mutation a toast without "Retry now" (its wait cannot be skipped)', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 5 } } } });
    function Create() {
      const create = useSenseiMutation<unknown, { name: string }>({ path: '/v1/migrations', idempotencyKey: () => 'idem-7' });
      return (
        <button type="button" onClick={() => create.mutate({ name: 'users' })}>
          Create
        </button>
      );
    }
    renderWith(h, <Create />);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await flush();
    expect(toast('retrying')).toHaveTextContent('Service unavailable (503)');
    expect(countdown()).toBe('Retrying in 0:05');
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    await flush(5000);
    expect(toast('recovered')).not.toBeNull();
  });

  it('dismissing a retry toast hides it for the rest of that retry', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 503, 200], retryAfterSeconds: 1 } } } });
    renderWith(h);
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await flush();
    expect(toasts()).toHaveLength(0);
    await flush(1000); // fails again: still hidden
    expect(toasts()).toHaveLength(0);
    await flush(1000); // recovers: no success toast for a dismissed retry
    expect(screen.getByText('loaded mig_000001')).toBeInTheDocument();
    expect(toasts()).toHaveLength(0);
  });

  // #13 item 13: a Sensei query is known by its `meta` marker, so an app's own key still toasts.
  it('toasts for a useSenseiQuery with its own queryKey', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 3 } } } });
    function OwnKey() {
      const query = useSenseiQuery<{ id: string }>({ path: PATH, queryKey: ['app', 'migration', 1] });
      return <p>{query.data ? `loaded ${query.data.id}` : 'loading'}</p>;
    }
    renderWith(h, <OwnKey />);
    await flush();
    expect(within(toast('retrying')!).getByText('Service unavailable (503)')).toBeInTheDocument();
    expect(countdown()).toBe('Retrying in 0:03');
    await flush(3000);
    expect(screen.getByText('loaded mig_000001')).toBeInTheDocument();
    expect(toast('recovered')).toHaveTextContent('Service unavailable (503): the retry succeeded.');
  });

  it('takes position, labels and durations from props', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 3 } } } });
    renderWith(
      h,
      <Item />,
      <SenseiToaster
        position="top-center"
        className="mine"
        labels={{ retryNow: 'Réessayer', retryIn: (c) => `Nouvel essai dans ${c}`, recovered: () => 'Rétabli', region: 'Alertes ({hotkey})' }}
        durations={{ recovered: 1000 }}
      />,
    );
    await flush();
    expect(viewport()).toHaveAttribute('data-position', 'top-center');
    expect(viewport()).toHaveClass('mine');
    expect(screen.getByRole('region', { name: 'Alertes (F8)' })).toBeInTheDocument();
    expect(countdown()).toBe('Nouvel essai dans 0:03');
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
    await flush(3000);
    expect(toast('recovered')).toHaveTextContent('Rétabli');
    await flush(1000);
    expect(toasts()).toHaveLength(0);
  });
});

// #14 item 7 and #13 item 8: the toasts follow where the next attempt really is, and offer no
// retry that the rate limit would only hold.
describe('SenseiToaster: the rate-limit gate', () => {
  const UTC_TIME = { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' } as const;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down to the gate, not to the retry it will hold, and keeps "Retry now" disabled with its time', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 1, match: { path: PATH } } } } });
    renderWith(h, <Item />, <SenseiToaster locale="en-GB" timeFormat={UTC_TIME} />);
    await flush();
    expect(countdown()).toBe('Retrying in 0:01');
    // Another request spends the window: nothing may go out before 14:00:05.
    h.api.setScenario({ rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 5, retryAfterSeconds: null } });
    await act(() => h.client.get('/v1/migrations/mig_000002'));
    await flush();
    expect(countdown()).toBe('Waiting for the rate limit, 0:05');
    const retry = within(toast('retrying')!).getByRole('button', { name: 'Retry at 14:00:05' });
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(retry);
    await flush();
    expect(h.api.countRequests(one)).toBe(1);

    // The retry is due and waits at the gate: the toast still says what it waits for.
    await flush(1000);
    expect(h.api.countRequests(one)).toBe(1);
    expect(countdown()).toBe('Waiting for the rate limit, 0:04');
    expect(toast('retrying')).not.toHaveTextContent('Retrying now');
    await flush(4100);
    expect(h.api.countRequests(one)).toBe(2);
    expect(toast('recovered')).not.toBeNull();
  });

  it('a final 429 with Retry-After: 3600: "Try again" says when it will work, and waits for it', async () => {
    const h = createHarness({
      api: { scenario: { flaky: { sequence: [503], retryAfterSeconds: 1, match: { path: PATH } }, error: { status: 429, retryAfterSeconds: 3600, match: { path: PATH } } } },
      // No banner in this app: a 429 toasts too.
      provider: { surfaces: { rateLimited: 'toast' } },
    });
    renderWith(h, <Item />, <SenseiToaster locale="en-GB" timeFormat={UTC_TIME} />);
    await flush();
    await flush(1000);
    expect(h.api.countRequests(one)).toBe(2);
    // A final failure waits 100 ms for a panel to claim it before it becomes a toast.
    await flush(100);
    const failed = toast('failed')!;
    const again = within(failed).getByRole('button', { name: 'Try again at 15:00:01' });
    expect(again).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(again);
    await flush();
    expect(h.api.countRequests(one)).toBe(2);
    expect(toast('failed')).not.toBeNull(); // not closed by the click either

    h.api.setScenario({ error: undefined });
    await flush(3600_000);
    const ready = within(toast('failed')!).getByRole('button', { name: 'Try again' });
    expect(ready).not.toHaveAttribute('aria-disabled');
    fireEvent.click(ready);
    await flush();
    expect(h.api.countRequests(one)).toBe(3);
    expect(screen.getByText('loaded mig_000001')).toBeInTheDocument();
  });
});

describe('SenseiToaster: keyboard', () => {
  // Real timers: Testing Library's async wrapper waits on a real setTimeout, which fake timers stall.
  it('is operable by keyboard: F8, Tab to "Retry now", Enter; Escape dismisses', async () => {
    const user = userEvent.setup();
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 503, 200], retryAfterSeconds: 30 } } } });
    renderWith(h);
    await screen.findByText('Retrying in 0:30');

    await user.keyboard('[F8]');
    expect(document.activeElement).toBe(viewport());
    await user.tab();
    expect(document.activeElement).toBe(toast('retrying'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retry now' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(h.api.countRequests(one)).toBe(2));
    await waitFor(() => expect(toast('retrying')).toHaveTextContent('2 failed attempts')); // failed again: a new wait
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retry now' }));

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(toasts()).toHaveLength(0));
  });
});

describe('useSenseiToast', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pushes Sensei-styled toasts from anywhere under the provider, with an action, and dismisses them', async () => {
    const undo = vi.fn();
    const h = createHarness();
    const ids: string[] = [];
    function Save() {
      const { toast: show, dismiss } = useSenseiToast();
      return (
        <>
          <button
            type="button"
            onClick={() =>
              ids.push(show({ title: 'Saved', description: 'Migration "users" was saved.', variant: 'success', action: { label: 'Undo', onClick: undo } }))
            }
          >
            Save
          </button>
          <button type="button" onClick={() => ids.push(show({ title: 'Heads up', duration: Infinity }))}>
            Note
          </button>
          <button type="button" onClick={() => dismiss(ids[1])}>
            Clear note
          </button>
        </>
      );
    }
    // The toaster sits beside the app, not around it.
    renderWith(h, <Save />);
    await flush();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await flush();
    const saved = toast('app')!;
    expect(saved).toHaveAttribute('data-variant', 'success');
    expect(within(saved).getByText('Saved')).toBeInTheDocument();
    expect(within(saved).getByText('Migration "users" was saved.')).toBeInTheDocument();
    fireEvent.click(within(saved).getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledTimes(1);
    await flush();
    expect(toasts()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Note' }));
    await flush();
    expect(toast('app')).toHaveAttribute('data-variant', 'info');
    await flush(30_000); // duration: Infinity
    expect(toast('app')).toHaveTextContent('Heads up');
    fireEvent.click(screen.getByRole('button', { name: 'Clear note' }));
    await flush();
    expect(toasts()).toHaveLength(0);
  });

  it('closes app toasts after their duration, and renders server text as text', async () => {
    const h = createHarness();
    function Push() {
      const { toast: show } = useSenseiToast();
      return (
        <button type="button" onClick={() => show({ title: '<img src=x onerror=alert(1)>', variant: 'error' })}>
          Push
        </button>
      );
    }
    renderWith(h, <Push />);
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Push' }));
    await flush();
    expect(toast('app')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(toast('app')!.querySelector('img')).toBeNull();
    await flush(7999);
    expect(toasts()).toHaveLength(1);
    await flush(1);
    expect(toasts()).toHaveLength(0);
  });

  it('throws a helpful message outside the provider without a queue', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Lost() {
      useSenseiToast();
      return null;
    }
    expect(() => render(<Lost />)).toThrow('`useSenseiToast` must be used within `<SenseiProvider>`');
  });
});

// Issue 18 §3: a burst of failures is one toast that updates in place, announced once and
// briefly; its list is capped; focus stays on a control inside it.
describe('SenseiToaster: a burst of 20 failures', () => {
  beforeEach(() => {
    // Frames too: Radix fills a toast's announcement on the next frame.
    vi.useFakeTimers({
      now: new Date('2025-03-01T14:00:00.000Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const paths = Array.from({ length: 20 }, (_, i) => `/v1/migrations/mig_${String(i + 1).padStart(6, '0')}`);
  /** Radix's announcements: each toast that mounts puts one live region in the document. */
  const announcements = () =>
    [...document.querySelectorAll('[role="status"][aria-live]')].filter((node) => !node.closest('[data-slot="toaster"]') && node.textContent !== '');

  function Burst({ count }: { count: number }) {
    return (
      <>
        {paths.slice(0, count).map((path) => (
          <Item key={path} path={path} />
        ))}
      </>
    );
  }

  it('keeps one failed toast that updates in place, announces one short summary, and keeps focus on its Copy button', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 } } }, provider: { retry: 1 } });
    const { rerender } = render(
      <h.wrapper>
        <Burst count={10} />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush(1000);
    // A final failure waits 100 ms for a panel to claim it before it becomes a toast.
    await flush(100);
    const failed = toast('failed')!;
    expect(failed).toHaveAttribute('data-count', '10');
    const copy = within(failed).getAllByRole('button', { name: 'Copy request ID' })[0]!;
    copy.focus();
    await flush(50); // Radix fills the announcement two frames later
    expect(announcements()).toHaveLength(1);
    const said = announcements()[0]!.textContent!;
    expect(said).toContain('Service unavailable (503)');
    expect(said).not.toContain('req_'); // no list of ids read out
    expect(said.length).toBeLessThan(120);

    // Ten more fail a moment later: the same toast, updated; focus stays where the user put it.
    rerender(
      <h.wrapper>
        <Burst count={20} />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush(1000);
    await flush(100); // the final failures' grace for a panel to claim them
    expect(toasts().filter((node) => node.getAttribute('data-kind') === 'failed')).toHaveLength(1);
    expect(toast('failed')).toBe(failed);
    expect(failed).toHaveAttribute('data-count', '20');
    expect(within(failed).getByText('20 requests failed')).toBeInTheDocument();
    expect(document.activeElement).toBe(copy);
    expect(announcements().length).toBeLessThanOrEqual(1); // nothing new was announced

    // What it lists is capped, so it fits a small screen.
    expect(within(failed).getAllByRole('listitem')).toHaveLength(3);
    expect(failed.querySelector('[data-slot="toast-more"]')).toHaveTextContent('+17 more');
  }, 20_000); // twenty queries and their retries: slow on a busy machine

  it('shows at most `limit` toasts at once and queues the rest, whose timers start when they show', async () => {
    const h = createHarness();
    const queue = getSenseiToastQueue(h.client); // the queue useSenseiToast() pushes to
    const push = ({ title, duration }: { title: string; duration?: number }) => queue.add({ title, variant: 'info' }, { duration });
    render(
      <h.wrapper>
        <SenseiToaster limit={2} durations={{ info: 1000 }} />
      </h.wrapper>,
    );
    await flush();
    act(() => {
      for (const title of ['one', 'two', 'three', 'four', 'five']) push({ title });
    });
    await flush();
    expect(toasts().map((node) => node.textContent)).toEqual(['one', 'two']);
    expect(viewport()).toHaveAttribute('data-queued', '3');
    await flush(1000); // the first two time out: the next two show, their timers start now
    expect(toasts().map((node) => node.textContent)).toEqual(['three', 'four']);
    await flush(999);
    expect(toasts().map((node) => node.textContent)).toEqual(['three', 'four']);
    await flush(1);
    expect(toasts().map((node) => node.textContent)).toEqual(['five']);
  });

  it('shows fewer toasts on a narrow screen', async () => {
    const narrow = vi.fn((query: string) => ({ matches: query.includes('max-width'), addEventListener: () => {}, removeEventListener: () => {} }));
    vi.stubGlobal('matchMedia', narrow);
    try {
      const h = createHarness();
      const queue = getSenseiToastQueue(h.client);
      const push = ({ title, duration }: { title: string; duration?: number }) => queue.add({ title, variant: 'info' }, { duration });
      render(
        <h.wrapper>
          <SenseiToaster />
        </h.wrapper>,
      );
      await flush();
      act(() => {
        for (const title of ['one', 'two', 'three', 'four', 'five']) push({ title, duration: Infinity });
      });
      await flush();
      expect(toasts()).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('marks each variant with an icon in the current colour (visible in forced colours)', async () => {
    const h = createHarness();
    function Push() {
      const { toast: show } = useSenseiToast();
      useEffect(() => {
        show({ title: 'a', variant: 'info', duration: Infinity });
        show({ title: 'b', variant: 'success', duration: Infinity });
        show({ title: 'c', variant: 'error', duration: Infinity });
      }, [show]);
      return null;
    }
    render(
      <h.wrapper>
        <Push />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush();
    const icons = toasts().map((node) => node.querySelector('[data-slot="toast-icon"]'));
    expect(icons.every((icon) => icon?.getAttribute('aria-hidden') === 'true')).toBe(true);
    const shapes = icons.map((icon) => icon!.querySelector('path')!.getAttribute('d'));
    expect(new Set(shapes).size).toBe(3);
    expect(icons.every((icon) => icon!.querySelector('path')!.getAttribute('stroke') === 'currentColor')).toBe(true);
  });
});

// Issue 18 §4: the group summary and the countdown digits follow `labels` and `locale`.
describe('SenseiToaster: labels and locale', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the "×2 · " summary through labels, with counts and countdown digits in locale', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 5 } } } });
    renderWith(
      h,
      <>
        <Item path="/v1/migrations/mig_000001" />
        <Item path="/v1/migrations/mig_000002" />
      </>,
      <SenseiToaster
        locale="ar-EG"
        labels={{ retryingGroup: () => 'طلبات', times: (label, count) => `${label} × ${count} مرات`, separator: ' | ', nextRetryIn: (c) => `بعد ${c}` }}
      />,
    );
    await flush();
    const group = toast('retrying')!;
    expect(group).toHaveTextContent('Service unavailable (503) × ٢ مرات');
    expect(countdown()).toBe('بعد ٠:٠٥');
  });

  it("gives a group's title its count in locale, and the count itself for plural rules", async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 5 } } } });
    const said: Array<[number, string]> = [];
    renderWith(
      h,
      <>
        <Item path="/v1/migrations/mig_000001" />
        <Item path="/v1/migrations/mig_000002" />
      </>,
      <SenseiToaster locale="ar-EG" labels={{ retryingGroup: (count, formatted) => (said.push([count, formatted]), `${formatted} طلبات`) }} />,
    );
    await flush();
    expect(toast('retrying')).toHaveTextContent('٢ طلبات');
    expect(said).toContainEqual([2, '٢']);
  });
});
