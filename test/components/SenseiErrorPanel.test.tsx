import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SenseiErrorPanel } from '../../src/components/SenseiErrorPanel.js';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import type { ErrorCatalog } from '../../src/core/errorCatalog.js';
import { SenseiAbortError, SenseiHttpError, SenseiNetworkError } from '../../src/core/SenseiError.js';
import { createMockSenseiApi, type MockScenario } from '../../src/testing/index.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { createFakeFetch, json, rejectionOf } from '../core/fakeFetch.js';

const API_KEY = 'sk_live_panel_secret_7f3e1a';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** The error the real client throws when the mock API answers with `scenario`. */
async function mockApiError(scenario: MockScenario): Promise<unknown> {
  const api = createMockSenseiApi({ scenario, apiKey: API_KEY });
  const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: API_KEY, fetch: api.fetch, rateLimitGate: false, shareAcrossTabs: false });
  return rejectionOf(client.get('/v1/migrations'));
}

/** The error the real client throws for one canned response. */
async function responseError(response: () => Response): Promise<unknown> {
  const { fetch } = createFakeFetch(response);
  const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: API_KEY, fetch, rateLimitGate: false, shareAcrossTabs: false });
  return rejectionOf(client.get('/v1/migrations'));
}

const http = (status: number, extra: Partial<ConstructorParameters<typeof SenseiHttpError>[0]> = {}) =>
  new SenseiHttpError({ kind: 'http', message: `Server message ${status}`, status, code: `E${status}`, requestId: `req_${status}`, ...extra });

const setClipboard = (clipboard: unknown) =>
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true, writable: true });

afterEach(() => {
  setClipboard(undefined);
});

describe('SenseiErrorPanel: what it shows', () => {
  // Issue 18 §2: one title, one message, and the code and request id in a quiet details line —
  // no developer wording ("Retry with backoff"), no English status line ("Service Unavailable (503)").
  it('shows one title, one message, and the code, status and request id in one quiet details line for a 503', async () => {
    const error = await mockApiError({ error: { status: 503, retryAfterSeconds: 0 } });
    const { container } = render(<SenseiErrorPanel error={error} onRetry={() => {}} />);
    const alert = screen.getByRole('alert', { name: 'Service unavailable' });
    expect(within(alert).getByRole('heading', { level: 2, name: 'Service unavailable' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Service unavailable: maintenance in progress');
    expect(alert).not.toHaveTextContent('Retry with backoff');
    expect(alert).not.toHaveTextContent('Service Unavailable (503)');
    const meta = container.querySelector('[data-slot="error-panel-meta"]')!;
    expect(meta.querySelector('[data-slot="error-panel-details"]')).toHaveTextContent(/^Code E5030 · HTTP 503$/);
    expect(meta.querySelector('[data-slot="request-id-value"]')?.textContent).toMatch(/^req_/);
    expect(alert).toHaveAttribute('data-slot', 'error-panel');
    expect(alert).toHaveAttribute('data-kind', 'unavailable');
    expect(alert).toHaveAttribute('data-state', 'retryable');
    expect(alert).toHaveAttribute('data-variant', 'full');
  });

  it('lists field errors of a validation error', async () => {
    const error = await mockApiError({ error: { status: 422 } });
    render(<SenseiErrorPanel error={error} />);
    const list = screen.getByRole('list', { name: 'Fields to fix' });
    expect(within(list).getByRole('listitem')).toHaveTextContent('name: required');
    expect(screen.getByRole('alert')).toHaveAttribute('data-kind', 'validation');
  });

  it('renders nothing for no error and for an abort', () => {
    const { container, rerender } = render(<SenseiErrorPanel error={null} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<SenseiErrorPanel error={undefined} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<SenseiErrorPanel error={new SenseiAbortError({ kind: 'aborted', message: 'aborted' })} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<SenseiErrorPanel state={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows a friendly unexpected state for an unknown thrown value', () => {
    render(<SenseiErrorPanel error="kaboom" onRetry={() => {}} />);
    expect(screen.getByRole('heading')).toHaveTextContent('Something unexpected happened');
    expect(screen.queryByText('kaboom')).not.toBeInTheDocument();
  });

  it('has a compact variant without details line or request id', () => {
    render(<SenseiErrorPanel error={http(500)} variant="compact" onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-variant', 'compact');
    expect(alert).toHaveTextContent('Server message 500');
    expect(alert).not.toHaveTextContent('contact support if persistent');
    expect(alert.querySelector('[data-slot="error-panel-meta"]')).toBeNull();
    expect(alert.querySelector('[data-slot="request-id"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('takes heading level, className, classNames, role, extra props and a ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <SenseiErrorPanel
        ref={ref}
        error={http(404)}
        headingLevel={4}
        className="mine"
        classNames={{ title: 'my-title', actions: 'my-actions' }}
        role="status"
        id="panel"
        onGoBack={() => {}}
      />,
    );
    const root = screen.getByRole('status', { name: 'Not found' });
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('mine');
    expect(root).toHaveAttribute('id', 'panel');
    expect(screen.getByRole('heading', { level: 4 })).toHaveClass('my-title');
    expect(root.querySelector('[data-slot="error-panel-actions"]')).toHaveClass('my-actions');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('moves focus to its title with autoFocus', () => {
    render(<SenseiErrorPanel error={http(500)} autoFocus />);
    expect(screen.getByRole('heading')).toHaveFocus();
  });

  it('uses the catalog from its prop', () => {
    const catalog: ErrorCatalog = { codes: { E404: { title: 'No such migration', actions: ['go-back', { type: 'custom', id: 'new', label: 'Create one' }] } } };
    const onAction = vi.fn();
    render(<SenseiErrorPanel error={http(404)} catalog={catalog} onAction={onAction} />);
    expect(screen.getByRole('heading')).toHaveTextContent('No such migration');
    fireEvent.click(screen.getByRole('button', { name: 'Create one' }));
    expect(onAction).toHaveBeenCalledWith({ type: 'custom', id: 'new', label: 'Create one' });
  });
});

describe('SenseiErrorPanel: actions', () => {
  it.each([
    ['Retry', http(500), 'onRetry'],
    ['Refresh and retry', http(409), 'onRefresh'],
    ['Sign in', http(401), 'onSignIn'],
    ['Go back', http(404), 'onGoBack'],
    ['Dismiss', http(422), 'onDismiss'],
  ] as const)('"%s" calls its callback', (name, error, prop) => {
    const callback = vi.fn();
    render(<SenseiErrorPanel error={error} {...{ [prop]: callback }} />);
    fireEvent.click(screen.getByRole('button', { name }));
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('"Contact support" gets the request id', () => {
    const onContactSupport = vi.fn();
    render(<SenseiErrorPanel error={http(500)} onContactSupport={onContactSupport} />);
    fireEvent.click(screen.getByRole('button', { name: 'Contact support' }));
    expect(onContactSupport).toHaveBeenCalledWith('req_500');
  });

  it('renders no button for an action without a callback', () => {
    render(<SenseiErrorPanel error={http(500)} onRetry={() => {}} />);
    const actions = screen.getByRole('alert').querySelector('[data-slot="error-panel-actions"]') as HTMLElement;
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Retry']);
    expect(within(actions).getByRole('button')).toHaveAttribute('data-primary');
  });

  it('is usable with the keyboard', async () => {
    const onRetry = vi.fn();
    const user = userEvent.setup();
    render(<SenseiErrorPanel error={http(500)} onRetry={onRetry} onContactSupport={() => {}} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy request ID' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onRetry).toHaveBeenCalledTimes(1);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Contact support' })).toHaveFocus();
  });
});

describe('SenseiErrorPanel: rate-limit countdown', () => {
  it('keeps Retry disabled until Retry-After has passed, then enables it', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const error = await responseError(() =>
      json({ error: { code: 'E4290', message: 'Rate limit exceeded', request_id: 'req_rl' } }, 429, { 'Retry-After': '42' }),
    );
    const onRetry = vi.fn();
    render(<SenseiErrorPanel error={error} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    const retry = screen.getByRole('button', { name: 'Retry' });
    // Mounted and focusable, but it says it cannot work yet.
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    expect(retry).toHaveTextContent('Retry in 0:42');
    expect(alert).toHaveAttribute('data-state', 'waiting');

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(retry).toHaveTextContent('Retry in 0:41');
    await act(() => vi.advanceTimersByTimeAsync(40_000));
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    expect(retry).toHaveTextContent('Retry in 0:01');
    fireEvent.click(retry);
    expect(onRetry).not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(retry).not.toHaveAttribute('aria-disabled');
    expect(retry).toHaveTextContent(/^Retry$/);
    expect(alert).toHaveAttribute('data-state', 'retryable');
    fireEvent.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  // #13 item 8: a wait past the cap fails at once; the panel says when requests resume.
  it('a 429 with Retry-After: 3600 says when requests resume, and Retry waits for that time', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:20:30.000Z') });
    const error = await mockApiError({ error: { status: 429, retryAfterSeconds: 3600 } });
    const onRetry = vi.fn();
    render(<SenseiErrorPanel error={error} onRetry={onRetry} locale="en-GB" timeFormat={{ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }} />);
    expect(screen.getByText('Retry available at 15:20:30')).toBeInTheDocument();
    const retry = screen.getByRole('button', { name: 'Retry' });
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    expect(retry).toHaveAccessibleDescription('Retry available at 15:20:30');
    fireEvent.click(retry);
    expect(onRetry).not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(3_600_000));
    expect(screen.queryByText(/Retry available at/)).toBeNull();
    expect(retry).not.toHaveAttribute('aria-disabled');
    fireEvent.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('reads when requests resume from a hand-built rate-limited error (retryAt), with the given labels', () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
    const retryAt = Date.now() + 2 * 3_600_000;
    render(
      <SenseiErrorPanel
        error={http(429, { retryAt })}
        onRetry={() => {}}
        locale="de-DE"
        timeFormat={{ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }}
        labels={{ resumesAt: (time) => `Weiter um ${time} Uhr.` }}
      />,
    );
    expect(screen.getByText('Weiter um 16:00:00 Uhr.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('hides the ticking countdown from assistive tech', async () => {
    vi.useFakeTimers({ now: 0 });
    render(<SenseiErrorPanel error={http(429, { retryAfterMs: 5_000 })} onRetry={() => {}} />);
    const countdown = screen.getByRole('alert').querySelector('[data-slot="error-panel-countdown"]');
    expect(countdown).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('stops its timers on unmount', async () => {
    vi.useFakeTimers({ now: 0 });
    const { unmount } = render(<SenseiErrorPanel error={http(429, { retryAfterMs: 60_000 })} onRetry={() => {}} />);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('SenseiErrorPanel: copying the request id', () => {
  it('copies with the Clipboard API and says so', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    render(<SenseiErrorPanel error={http(500)} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy request ID' }));
    });
    expect(writeText).toHaveBeenCalledWith('req_500');
    const root = screen.getByRole('alert').querySelector('[data-slot="request-id"]');
    expect(root).toHaveAttribute('data-state', 'copied');
    expect(within(root as HTMLElement).getByRole('status')).toHaveTextContent('Copied');
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(root).toHaveAttribute('data-state', 'idle');
  });

  it('falls back to selecting the id and execCommand when there is no Clipboard API', async () => {
    setClipboard(undefined);
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      render(<SenseiErrorPanel error={http(500)} />);
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Copy request ID' }));
      });
      expect(execCommand).toHaveBeenCalledWith('copy');
      expect(window.getSelection()?.toString()).toBe('req_500');
      expect(screen.getByText('Copied')).toBeInTheDocument();
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('leaves the id selected and says to copy it by hand when nothing works', async () => {
    setClipboard({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    render(<SenseiErrorPanel error={http(500)} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy request ID' }));
    });
    const requestId = screen.getByRole('alert').querySelector<HTMLElement>('[data-slot="request-id"]')!;
    expect(within(requestId).getByRole('status')).toHaveTextContent('Could not copy. The ID is selected: copy it by hand.');
    expect(window.getSelection()?.toString()).toBe('req_500');
    // Still usable: the button works again.
    expect(screen.getByRole('button', { name: 'Copy request ID' })).toBeEnabled();
  });
});

describe('SenseiErrorPanel: hostile text and secrets', () => {
  it('renders markup in message, details, code and request id as text', () => {
    const error = new SenseiHttpError({
      kind: 'http',
      message: `Bad ${HOSTILE}`,
      status: 422,
      code: HOSTILE,
      requestId: HOSTILE,
      details: { fields: { [HOSTILE]: [HOSTILE] } },
    });
    const { container } = render(<SenseiErrorPanel error={error} onDismiss={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(screen.getByText(`Bad ${HOSTILE}`)).toBeInTheDocument();
    expect(container.querySelector('[data-slot="error-panel-details"]')).toHaveTextContent(HOSTILE);
    expect(container.querySelector('[data-slot="request-id-value"]')).toHaveTextContent(HOSTILE);
    expect(container.querySelector('[data-slot="error-panel-field"]')).toHaveTextContent(`${HOSTILE}: ${HOSTILE}`);
  });

  it('isolates right-to-left overrides in server text', () => {
    const rtl = '\u202Eevil\u202C';
    const { container } = render(<SenseiErrorPanel error={http(400, { message: rtl })} />);
    expect(container.querySelector('[data-slot="error-panel-message"] bdi')).toHaveTextContent('evil');
  });

  it('never renders the API key, even when the server echoes it', async () => {
    const error = await responseError(() =>
      json({ error: { code: 'E4010', message: `Invalid API key ${API_KEY}`, details: { key: API_KEY }, request_id: 'req_k' } }, 401),
    );
    const { container } = render(<SenseiErrorPanel error={error} onSignIn={() => {}} />);
    expect(container.innerHTML).not.toContain(API_KEY);
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid API key [redacted]');
  });

  it('renders an offline error without a request id', () => {
    render(<SenseiErrorPanel error={new SenseiNetworkError({ kind: 'network', message: 'x', offline: true })} onRetry={() => {}} />);
    expect(screen.getByRole('heading')).toHaveTextContent('You are offline');
    expect(screen.getByRole('alert').querySelector('[data-slot="request-id"]')).toBeNull();
  });
});

// Issue 18 §3 and §5: what a screen-reader or keyboard user meets while Retry waits, and the parts.
describe('SenseiErrorPanel: under stress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives screen readers a steady sentence while Retry waits, and one polite announcement when it can be used', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
    render(<SenseiErrorPanel error={http(429, { retryAfterMs: 42_000 })} onRetry={() => {}} locale="en-GB" timeFormat={{ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }} />);
    const retry = screen.getByRole('button', { name: 'Retry' });
    expect(retry).toHaveAccessibleDescription('Retry available at 14:00:42');
    const announcement = screen.getByRole('alert').querySelector('[data-slot="error-panel-announcement"]')!;
    expect(announcement).toHaveAttribute('role', 'status');
    expect(announcement).toHaveTextContent(/^$/);
    await act(() => vi.advanceTimersByTimeAsync(41_000));
    expect(retry).toHaveAccessibleDescription('Retry available at 14:00:42'); // steady, not ticking
    expect(announcement).toHaveTextContent(/^$/);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(announcement).toHaveTextContent('Retry is available now.');
    expect(retry).not.toHaveAttribute('aria-disabled');
  });

  it('keeps focus on Retry when Retry meets a 429: one stable control turns aria-disabled', async () => {
    vi.useFakeTimers({ now: 0 });
    const { rerender } = render(<SenseiErrorPanel error={http(503)} onRetry={() => {}} />);
    const retry = screen.getByRole('button', { name: 'Retry' });
    retry.focus();
    rerender(<SenseiErrorPanel error={http(429, { retryAfterMs: 5_000 })} onRetry={() => {}} />);
    expect(document.activeElement).toBe(retry);
    expect(retry).toBeInTheDocument();
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(document.activeElement).toBe(retry);
    expect(retry).not.toHaveAttribute('aria-disabled');
  });

  it('fills the first action only when it is the way forward, not "Dismiss"', () => {
    const { rerender } = render(<SenseiErrorPanel error={http(422)} onDismiss={() => {}} />);
    expect(screen.getByRole('button', { name: 'Dismiss' })).not.toHaveAttribute('data-primary');
    rerender(<SenseiErrorPanel error={http(500)} onRetry={() => {}} onContactSupport={() => {}} />);
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveAttribute('data-primary');
    expect(screen.getByRole('button', { name: 'Contact support' })).not.toHaveAttribute('data-primary');
  });

  it('has an icon slot: any node, or none', () => {
    const { container, rerender } = render(<SenseiErrorPanel error={http(500)} icon={<svg data-testid="mine" />} />);
    expect(container.querySelector('[data-slot="error-panel-icon"]')).toContainElement(screen.getByTestId('mine'));
    expect(container.querySelector('[data-slot="error-panel-icon"]')).toHaveAttribute('aria-hidden', 'true');
    rerender(<SenseiErrorPanel error={http(500)} icon={null} />);
    expect(container.querySelector('[data-slot="error-panel-icon"]')).toBeNull();
  });

  it('translates the details line through labels', () => {
    const { container } = render(<SenseiErrorPanel error={http(503)} labels={{ details: ({ code, status }) => `Fehlercode ${code} (HTTP-Status ${status})` }} />);
    expect(container.querySelector('[data-slot="error-panel-details"]')).toHaveTextContent('Fehlercode E503 (HTTP-Status 503)');
  });

  it('while the rate-limit gate is closed, Retry says when it will work and waits for it', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
    const api = createMockSenseiApi({ apiKey: API_KEY, scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 6, retryAfterSeconds: null } } });
    const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: API_KEY, fetch: api.fetch, shareAcrossTabs: false });
    await client.get('/v1/migrations'); // spends the window: nothing may leave before 14:00:06
    const onRetry = vi.fn();
    render(
      <SenseiProvider client={client}>
        <SenseiErrorPanel error={http(503)} onRetry={onRetry} locale="en-GB" timeFormat={{ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }} />
      </SenseiProvider>,
    );
    const retry = screen.getByRole('button', { name: 'Retry' });
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    expect(retry).toHaveAccessibleDescription('Retry available at 14:00:06');
    fireEvent.click(retry);
    expect(onRetry).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(6_000));
    expect(retry).not.toHaveAttribute('aria-disabled');
    fireEvent.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
