import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SenseiErrorBoundary } from '../../src/components/SenseiErrorBoundary.js';
import { createSenseiClient, type SenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiAbortError, SenseiHttpError } from '../../src/core/SenseiError.js';
import { SenseiErrorBoundary as HeadlessErrorBoundary, type SenseiErrorFallbackProps } from '../../src/react/SenseiErrorBoundary.js';
import { senseiThrowOnError } from '../../src/react/senseiThrowOnError.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { createMockSenseiApi } from '../../src/testing/index.js';

const API_KEY = 'sk_live_boundary_5b6c7d';

/** React logs every error a boundary catches: expected in these tests, and asserted. */
function expectLoggedErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

function Bomb({ error }: { error: unknown }): never {
  throw error;
}

const http = (status: number) =>
  new SenseiHttpError({ kind: 'http', message: `Server message ${status}`, status, code: `E${status}`, requestId: `req_${status}` });

describe('SenseiErrorBoundary (headless, src/react)', () => {
  it('catches a render error and renders fallbackRender with the error state', () => {
    const logged = expectLoggedErrors();
    const onError = vi.fn();
    render(
      <HeadlessErrorBoundary
        onError={onError}
        fallbackRender={({ state }: SenseiErrorFallbackProps) => <p role="alert">{`${state.kind}: ${state.title}`}</p>}
      >
        <Bomb error={http(500)} />
      </HeadlessErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('server: Something went wrong');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 500 }), expect.objectContaining({ componentStack: expect.any(String) }));
    expect(logged).toHaveBeenCalled();
  });

  it('renders a fallback node or a FallbackComponent', () => {
    const logged = expectLoggedErrors();
    const { unmount } = render(
      <HeadlessErrorBoundary fallback={<p>node fallback</p>}>
        <Bomb error={new Error('x')} />
      </HeadlessErrorBoundary>,
    );
    expect(screen.getByText('node fallback')).toBeInTheDocument();
    unmount();
    function Fallback({ state }: SenseiErrorFallbackProps) {
      return <p>component fallback: {state.kind}</p>;
    }
    render(
      <HeadlessErrorBoundary FallbackComponent={Fallback}>
        <Bomb error="a string" />
      </HeadlessErrorBoundary>,
    );
    expect(screen.getByText('component fallback: unexpected')).toBeInTheDocument();
    expect(logged).toHaveBeenCalled();
  });

  it('forbids two fallbacks in its type', () => {
    // @ts-expect-error fallback and fallbackRender together
    const twoFallbacks = <HeadlessErrorBoundary fallback={null} fallbackRender={() => null} />;
    // @ts-expect-error the headless boundary needs one fallback
    const noFallback = <HeadlessErrorBoundary />;
    // @ts-expect-error the default panel's props only go without a fallback
    const panelAndFallback = <SenseiErrorBoundary fallback={null} panelProps={{ headingLevel: 3 }} />;
    expect([twoFallbacks, noFallback, panelAndFallback]).toHaveLength(3);
  });

  it('catches `throw undefined` too', () => {
    const logged = expectLoggedErrors();
    render(
      <HeadlessErrorBoundary fallbackRender={({ state }) => <p>caught: {state.kind}</p>}>
        <Bomb error={undefined} />
      </HeadlessErrorBoundary>,
    );
    expect(screen.getByText('caught: unexpected')).toBeInTheDocument();
    expect(logged).toHaveBeenCalled();
  });

  it('resets when a resetKeys entry changes (navigation)', () => {
    const logged = expectLoggedErrors();
    const onReset = vi.fn();
    function Page({ path }: { path: string }) {
      if (path === '/broken') throw http(500);
      return <p>page {path}</p>;
    }
    const view = (path: string) => (
      <HeadlessErrorBoundary resetKeys={[path]} onReset={onReset} fallbackRender={() => <p>fallback</p>}>
        <Page path={path} />
      </HeadlessErrorBoundary>
    );
    const { rerender } = render(view('/broken'));
    expect(screen.getByText('fallback')).toBeInTheDocument();
    rerender(view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
    expect(onReset).toHaveBeenCalledWith({ reason: 'keys', prev: ['/broken'], next: ['/home'] });
    expect(logged).toHaveBeenCalled();
  });

  it('stops resetting by itself when the content fails again at once, and still resets on Retry', () => {
    const logged = expectLoggedErrors();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let attempts = 0;
    function AlwaysBroken(): never {
      attempts += 1;
      throw http(500);
    }
    const view = (key: number) => (
      <HeadlessErrorBoundary
        resetKeys={[key]}
        fallbackRender={({ resetErrorBoundary }) => (
          <button type="button" onClick={resetErrorBoundary}>
            Retry
          </button>
        )}
      >
        <AlwaysBroken />
      </HeadlessErrorBoundary>
    );
    const { rerender } = render(view(0));
    for (let key = 1; key <= 10; key += 1) rerender(view(key));
    const afterLoop = attempts;
    // Three automatic resets in a row failed at once; the remaining key changes did nothing.
    rerender(view(11));
    expect(attempts).toBe(afterLoop);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no longer reset it until Retry is pressed'));
    // The user can still retry.
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(attempts).toBeGreaterThan(afterLoop);
    expect(logged).toHaveBeenCalled();
  });

  // #13 item 12: failures that each follow a reset quickly are not a loop when the resets are far apart.
  it('does not take broken pages visited seconds apart for a loop: a healthy page after them renders', () => {
    vi.useFakeTimers();
    const logged = expectLoggedErrors();
    function Page({ path }: { path: string }) {
      if (path.startsWith('/broken')) throw http(500);
      return <p>page {path}</p>;
    }
    const view = (path: string) => (
      <HeadlessErrorBoundary resetKeys={[path]} fallbackRender={() => <p>fallback</p>}>
        <Page path={path} />
      </HeadlessErrorBoundary>
    );
    const { rerender } = render(view('/broken/1'));
    for (const path of ['/broken/2', '/broken/3', '/broken/4', '/broken/5']) {
      vi.advanceTimersByTime(10_000);
      rerender(view(path));
      expect(screen.getByText('fallback')).toBeInTheDocument();
    }
    vi.advanceTimersByTime(10_000);
    rerender(view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
    expect(logged).toHaveBeenCalled();
  });

  it('still stops a loop of resets that follow each other quickly, on fake time too', () => {
    vi.useFakeTimers();
    const logged = expectLoggedErrors();
    // The loop warning is said once per page load (an earlier test may have said it).
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let attempts = 0;
    function AlwaysBroken(): never {
      attempts += 1;
      throw http(500);
    }
    const view = (key: number) => (
      <HeadlessErrorBoundary resetKeys={[key]} fallbackRender={() => <p>fallback</p>}>
        <AlwaysBroken />
      </HeadlessErrorBoundary>
    );
    const { rerender } = render(view(0));
    // Keys that change every 100 ms, each reset failing at once: a loop.
    for (let key = 1; key <= 3; key += 1) {
      vi.advanceTimersByTime(100);
      rerender(view(key));
    }
    const afterLoop = attempts;
    vi.advanceTimersByTime(100);
    rerender(view(4));
    expect(attempts).toBe(afterLoop);
    expect(screen.getByText('fallback')).toBeInTheDocument();
    expect(logged).toHaveBeenCalled();
  });
});

describe('SenseiErrorBoundary (with the default panel)', () => {
  it('shows SenseiErrorPanel, focused, and Retry re-renders the content', () => {
    const logged = expectLoggedErrors();
    const onReset = vi.fn();
    let broken = true;
    function Flaky() {
      if (broken) throw http(503);
      return <p>content</p>;
    }
    render(
      <SenseiErrorBoundary onReset={onReset} panelProps={{ headingLevel: 1 }}>
        <Flaky />
      </SenseiErrorBoundary>,
    );
    const heading = screen.getByRole('heading', { level: 1, name: 'Service unavailable' });
    expect(heading).toHaveFocus();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByText('content')).toBeInTheDocument();
    expect(onReset).toHaveBeenCalledWith({ reason: 'retry' });
    expect(logged).toHaveBeenCalled();
  });

  // Issue 18 §3: focus fell to <body> when Retry brought the content back.
  it('keeps focus in the boundary when Retry brings the content back', async () => {
    expectLoggedErrors();
    let broken = true;
    function Flaky() {
      if (broken) throw http(503);
      return <p>content</p>;
    }
    render(
      <SenseiErrorBoundary>
        <Flaky />
      </SenseiErrorBoundary>,
    );
    const retry = screen.getByRole('button', { name: 'Retry' });
    retry.focus();
    broken = false;
    fireEvent.click(retry);
    await act(async () => {}); // the DOM change is seen before the next paint (a MutationObserver)
    expect(screen.getByText('content')).toBeInTheDocument();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toHaveAttribute('data-slot', 'error-boundary');
    expect(document.activeElement).toContainElement(screen.getByText('content'));
  });

  it('wires the panel callbacks given in panelProps', () => {
    const logged = expectLoggedErrors();
    const onSignIn = vi.fn();
    render(
      <SenseiErrorBoundary panelProps={{ onSignIn }}>
        <Bomb error={http(401)} />
      </SenseiErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalled();
  });

  it('uses a given fallback instead of the panel', () => {
    const logged = expectLoggedErrors();
    render(
      <SenseiErrorBoundary fallbackRender={() => <p>custom</p>}>
        <Bomb error={http(500)} />
      </SenseiErrorBoundary>,
    );
    expect(screen.getByText('custom')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(logged).toHaveBeenCalled();
  });

  it('uses the provider catalog for the panel', () => {
    const logged = expectLoggedErrors();
    const api = createMockSenseiApi();
    const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: API_KEY, fetch: api.fetch, shareAcrossTabs: false });
    render(
      <SenseiProvider client={client} errorCatalog={{ codes: { E500: { title: 'Our fault' } } }}>
        <SenseiErrorBoundary>
          <Bomb error={http(500)} />
        </SenseiErrorBoundary>
      </SenseiProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Our fault' })).toBeInTheDocument();
    expect(logged).toHaveBeenCalled();
  });

  it("refetches a failed query on Retry and shows its data (TanStack's QueryErrorResetBoundary)", async () => {
    const logged = expectLoggedErrors();
    // The first request fails with 500, the next ones pass.
    const api = createMockSenseiApi({ apiKey: API_KEY, scenario: { flaky: { sequence: [500] } } });
    const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: API_KEY, fetch: api.fetch, shareAcrossTabs: false });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <SenseiErrorBoundary>
          <Migrations client={client} />
        </SenseiErrorBoundary>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    expect(api.countRequests({ path: '/v1/migrations' })).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('150 migrations')).toBeInTheDocument();
    expect(api.countRequests({ path: '/v1/migrations' })).toBe(2);
    expect(logged).toHaveBeenCalled();
    // The key never reaches the DOM.
    expect(document.body.innerHTML).not.toContain(API_KEY);
  });

  it('leaves validation errors to the component (senseiThrowOnError)', async () => {
    const api = createMockSenseiApi({ apiKey: API_KEY, scenario: { error: { status: 422 } } });
    const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: API_KEY, fetch: api.fetch, shareAcrossTabs: false });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <SenseiErrorBoundary>
          <Migrations client={client} />
        </SenseiErrorBoundary>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('inline: validation')).toBeInTheDocument();
  });
});

function Migrations({ client }: { client: SenseiClient }) {
  const query = useQuery({
    queryKey: ['migrations'],
    queryFn: ({ signal }) => client.list('/v1/migrations', { signal }),
    throwOnError: senseiThrowOnError,
  });
  if (query.error) return <p>inline: {query.error instanceof SenseiHttpError && query.error.status === 422 ? 'validation' : 'other'}</p>;
  if (!query.data) return <p>Loading…</p>;
  return <p>{query.data.pagination.total} migrations</p>;
}

describe('senseiThrowOnError', () => {
  it.each([500, 502, 503, 504])('sends %i to the boundary', (status) => {
    expect(senseiThrowOnError(http(status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 413, 422, 429])('keeps %i inline', (status) => {
    expect(senseiThrowOnError(http(status))).toBe(false);
  });

  it('sends unexpected values to the boundary and keeps aborts out', () => {
    expect(senseiThrowOnError(new Error('bug'))).toBe(true);
    expect(senseiThrowOnError(new SenseiAbortError({ kind: 'aborted', message: 'x' }))).toBe(false);
  });

  it('keeps a failed background refetch inline while the query has data', () => {
    expect(senseiThrowOnError(http(500), { state: { data: { items: [] } } })).toBe(false);
    expect(senseiThrowOnError(http(500), { state: { data: undefined } })).toBe(true);
  });
});
