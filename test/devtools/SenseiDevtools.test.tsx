import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenseiDevtools } from '../../src/devtools/index.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { handleScenarioControl } from '../../src/testing/index.js';
import { fakeTimersUser } from '../fakeTimersUser.js';
import { createHarness } from '../react/senseiTestHarness.js';

const START = Date.UTC(2026, 0, 15, 12, 0, 0);

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  localStorage.clear();
});

const panel = () => screen.getByRole('region', { name: 'Sensei devtools' });
const section = (name: string) => within(panel()).getByRole('region', { name });

describe('<SenseiDevtools>', () => {
  it('opens from its button, closes with Alt+Shift+S with focus back on the button, and remembers it', async () => {
    const user = fakeTimersUser();
    const { wrapper } = createHarness();
    const { unmount } = render(<SenseiDevtools />, { wrapper });
    const toggle = screen.getByRole('button', { name: 'Sensei devtools' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Sensei devtools' })).toBeNull();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('heading', { level: 2, name: /Sensei devtools/ })).toHaveFocus();

    await user.keyboard('{Alt>}{Shift>}S{/Shift}{/Alt}');
    expect(screen.queryByRole('region', { name: 'Sensei devtools' })).toBeNull();
    expect(toggle).toHaveFocus();

    await user.keyboard('{Alt>}{Shift>}S{/Shift}{/Alt}');
    expect(panel()).toBeInTheDocument();
    unmount();

    // A reload: the panel opens as the user left it.
    render(<SenseiDevtools />, { wrapper });
    expect(panel()).toBeInTheDocument();
  });

  it('resizes from the keyboard within bounds and remembers the height', async () => {
    const user = fakeTimersUser();
    const { wrapper } = createHarness();
    render(<SenseiDevtools initialIsOpen />, { wrapper });
    const handle = screen.getByRole('separator', { name: 'Resize the Sensei devtools' });
    expect(handle).toHaveAttribute('aria-valuenow', '360');
    handle.focus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(handle).toHaveAttribute('aria-valuenow', '440');
    expect(panel().parentElement?.style.getPropertyValue('--sensei-devtools-height')).toBe('440px');
    await user.keyboard('{Home}');
    expect(handle).toHaveAttribute('aria-valuenow', '160');
    expect(localStorage.getItem('sensei-devtools:height')).toBe('160');
  });

  it('shows the spent window, which header said it, the requests waiting at the gate with their countdown, and lets them go at the reset', async () => {
    vi.useFakeTimers({ now: START });
    const { client, wrapper, api } = createHarness({ api: { scenario: { rateLimit: { limit: 2, windowMs: 10_000 } } } });
    render(<SenseiDevtools initialIsOpen locale="en-GB" />, { wrapper });

    await act(async () => {
      await client.get('/v1/migrations');
      await client.get('/v1/migrations?page=2');
    });
    const waiting = client.get('/v1/migrations', { query: { page: 3 } });
    await act(() => vi.advanceTimersByTimeAsync(1000));

    const rate = section('Rate limit');
    expect(within(rate).getByText('Limit').nextElementSibling).toHaveTextContent('2 (from X-RateLimit-Limit)');
    expect(within(rate).getByText('Remaining').nextElementSibling).toHaveTextContent('0 (from X-RateLimit-Remaining)');
    expect(within(rate).getByText('Gate').nextElementSibling).toHaveTextContent('closed until 12:00:10 (0:09)');

    const rows = within(section('Waiting at the gate')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('GET/v1/migrations?page=3');
    expect(rows[1]).toHaveTextContent('12:00:10 (0:09)');
    expect(rows[1]).toHaveTextContent('rate limit');
    expect(api.countRequests()).toBe(2);

    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect(within(section('Waiting at the gate')).getAllByRole('row')[1]).toHaveTextContent('(0:05)');

    await act(() => vi.advanceTimersByTimeAsync(5100));
    await expect(waiting).resolves.toMatchObject({ pagination: { page: 3 } });
    expect(within(section('Waiting at the gate')).getByText('No request is waiting.')).toBeInTheDocument();
    expect(within(section('Rate limit')).getByText('Gate').nextElementSibling).toHaveTextContent('open');
    expect(within(section('Last minute')).getByText('Requests sent').nextElementSibling).toHaveTextContent('3');
    expect(within(section('Last minute')).getByText('429s received').nextElementSibling).toHaveTextContent('0');
  });

  it('lists failures newest first with status, code, message and a copyable request id; at most 50; 429s counted', async () => {
    const { client, wrapper, api } = createHarness({ client: { rateLimitGate: false } });
    render(<SenseiDevtools initialIsOpen />, { wrapper });
    api.setScenario({ error: { status: 503, message: '<b>down</b>', retryAfterSeconds: 1 } });
    await act(async () => {
      await Promise.all(Array.from({ length: 55 }, (_, i) => client.get(`/v1/migrations/mig_${i}`).catch(() => {})));
    });
    api.setScenario({ error: { status: 429, retryAfterSeconds: 1 } });
    await act(() => client.get('/v1/migrations/last').catch(() => {}));

    const rows = within(section('Recent errors')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toHaveTextContent(/^429E4290/);
    expect(rows[0]).toHaveTextContent('GET /v1/migrations/last');
    expect(rows[1]).toHaveTextContent('503E5030<b>down</b>');
    // Server text stays text.
    expect(rows[1]!.querySelector('b')).toBeNull();
    expect(within(rows[0]!).getByRole('button', { name: 'Copy request ID' })).toBeInTheDocument();
    expect(within(section('Last minute')).getByText('Requests sent').nextElementSibling).toHaveTextContent('56');
    expect(within(section('Last minute')).getByText('429s received').nextElementSibling).toHaveTextContent('1');
  }, 20_000);

  it('switches the mock scenario over its HTTP control endpoint, and shows which one is in force', async () => {
    const user = fakeTimersUser();
    const { wrapper, api } = createHarness();
    const controlUrl = 'http://127.0.0.1:4010';
    const control = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
      handleScenarioControl(new Request(String(input), init), api),
    );
    vi.stubGlobal('fetch', control);
    render(<SenseiDevtools initialIsOpen mockControlUrl={controlUrl} />, { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(0));
    const scenarios = within(section('Mock API scenario'));
    expect(scenarios.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(scenarios.getByRole('button', { name: 'Rate limited' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(api.scenario).toEqual({ rateLimit: { limit: 3, windowMs: 8_000 } });
    expect(scenarios.getByRole('button', { name: 'Rate limited' })).toHaveAttribute('aria-pressed', 'true');
    expect(scenarios.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'false');
    expect(control).toHaveBeenLastCalledWith(`${controlUrl}/__sensei/scenario`, expect.objectContaining({ method: 'POST' }));
  });

  it('says so when the mock cannot be reached, and the rest keeps working', async () => {
    vi.useFakeTimers({ now: START });
    const { wrapper } = createHarness();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    render(<SenseiDevtools initialIsOpen mockControlUrl="http://127.0.0.1:1" />, { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('alert')).toHaveTextContent("Could not reach the mock's control endpoint. Failed to fetch");
    expect(section('Rate limit')).toBeInTheDocument();
  });

  it('shows a scheduled retry with its countdown, and "Retry now" sends it at once', async () => {
    const user = fakeTimersUser();
    vi.setSystemTime(START);
    const { client, wrapper, queryClient, api } = createHarness();
    api.setScenario({ flaky: { sequence: [503, 503] , retryAfterSeconds: 20 } });
    render(<SenseiDevtools initialIsOpen />, { wrapper });
    const { senseiQueries } = await import('../../src/core/index.js');
    void queryClient.fetchQuery({ ...senseiQueries(client).resource({ path: '/v1/migrations/mig_1' }) }).catch(() => {});
    await act(() => vi.advanceTimersByTimeAsync(10));
    const retries = within(section('Scheduled retries'));
    expect(retries.getByText(/Service unavailable \(503\)/)).toBeInTheDocument();
    expect(retries.getByText('next in 0:20')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(retries.getByText('next in 0:15')).toBeInTheDocument();
    expect(api.countRequests()).toBe(1);
    await user.click(retries.getByRole('button', { name: 'Retry now' }));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(api.countRequests()).toBe(2);
  });

  it('lists a polled operation with its status, the countdown to its next poll and the tab that leads', async () => {
    vi.useFakeTimers({ now: START });
    const { wrapper, api } = createHarness({ api: { scenario: { operations: { pollsToComplete: 3, retryAfterSeconds: 2 } } } });
    let start: (body: unknown) => void = () => {};
    function Starter() {
      start = useAsyncOperation({ startPath: '/v1/migrations' }).start;
      return null;
    }
    render(
      <>
        <Starter />
        <SenseiDevtools initialIsOpen />
      </>,
      { wrapper },
    );
    act(() => start({ name: 'users' }));
    await act(() => vi.advanceTimersByTimeAsync(2000));
    const row = () => within(section('Polled operations')).getAllByRole('row')[1];
    expect(row()).toHaveTextContent(/^https:\/\/api\.sensei\.test\/v1\/migrations\/mig_\d+running0:0[12]this tab$/);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(api.countRequests({ method: 'GET' })).toBe(3);
    expect(within(section('Polled operations')).getByText('No operation is polled.')).toBeInTheDocument();
  });
});
