import { act, fireEvent, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { OperationProgress, type OperationProgressSource } from '../../src/components/OperationProgress.js';
import { SenseiError, SenseiHttpError } from '../../src/core/SenseiError.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { createHarness } from '../react/senseiTestHarness.js';
import { fakeTimersUser } from '../fakeTimersUser.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const polls = { method: 'GET', pathPrefix: '/v1/migrations/' } as const;
const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));


/** A hook result as plain data, as stories and apps with their own state pass it. */
function op(overrides: Partial<OperationProgressSource> = {}): OperationProgressSource {
  return {
    status: 'polling',
    operationStatus: 'running',
    progress: undefined,
    error: null,
    startedAt: Date.now(),
    cancel: vi.fn(),
    resume: vi.fn(),
    ...overrides,
  };
}

const failure = new SenseiError({
  kind: 'operation',
  message: 'Migration failed: upstream connection lost',
  code: 'E5000',
  requestId: 'req_abc123def456',
});

describe('OperationProgress: each state', () => {
  it('renders nothing visible while idle, or the placeholder', () => {
    const { container, rerender } = render(<OperationProgress operation={op({ status: 'idle', startedAt: undefined })} />);
    const root = container.firstElementChild;
    expect(root).toHaveAttribute('data-state', 'idle');
    expect(root?.textContent).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The live region is there already, so the first state change is announced.
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    rerender(<OperationProgress operation={op({ status: 'idle', startedAt: undefined })} placeholder="No migration running" />);
    expect(root).toHaveTextContent('No migration running');
  });

  it('shows starting with an indeterminate progress bar', () => {
    render(<OperationProgress operation={op({ status: 'starting', operationStatus: undefined, startedAt: undefined })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Starting…');
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).toHaveAttribute('data-state', 'indeterminate');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('shows a pending operation as waiting, indeterminate, with Cancel', async () => {
    const user = userEvent.setup();
    const operation = op({ operationStatus: 'pending' });
    render(<OperationProgress operation={operation} />);
    expect(screen.getByRole('status')).toHaveTextContent('Waiting to start…');
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(operation.cancel).toHaveBeenCalledOnce();
  });

  it('shows a running operation with its progress', () => {
    const { container } = render(<OperationProgress operation={op({ progress: 40 })} locale="en-US" />);
    expect(screen.getByRole('status')).toHaveTextContent('In progress…');
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('data-state', 'determinate');
    expect(container).toHaveTextContent('40%');
    expect(container.querySelector('[data-slot="operation-progress-indicator"]')).toHaveStyle({ width: '40%' });
  });

  it('shows success without bar or actions', () => {
    const { container } = render(<OperationProgress operation={op({ status: 'succeeded', operationStatus: 'completed', progress: 100 })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Completed');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'succeeded');
    expect(container.firstElementChild).toHaveAttribute('data-operation-status', 'completed');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a failure with the error message and request id, server text as text', () => {
    const hostile = new SenseiError({ kind: 'operation', message: HOSTILE, requestId: 'req_<b>x</b>' });
    const { container, rerender } = render(<OperationProgress operation={op({ status: 'failed', error: failure })} />);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Failed'); // the copy button has its own
    expect(container).toHaveTextContent('Migration failed: upstream connection lost');
    // The default is the error panel's compact form, with the request id and its copy button.
    expect(container.querySelector('[data-slot="error-panel"]')).toHaveAttribute('data-variant', 'compact');
    expect(container.querySelector('[data-slot="request-id-value"]')).toHaveTextContent('req_abc123def456');
    rerender(<OperationProgress operation={op({ status: 'failed', error: hostile })} />);
    expect(screen.getByText(HOSTILE)).toBeInTheDocument();
    expect(screen.getByText('req_<b>x</b>')).toBeInTheDocument();
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('renders the error through renderError when given', () => {
    render(
      <OperationProgress
        operation={op({ status: 'failed', error: failure })}
        renderError={(error) => <p role="alert">Custom: {error.code}</p>}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Custom: E5000');
    expect(screen.queryByText(failure.message)).toBeNull();
  });

  it('offers Keep waiting after a timeout, calling resume', async () => {
    const user = userEvent.setup();
    const operation = op({ status: 'timed-out', progress: 60 });
    render(<OperationProgress operation={operation} />);
    expect(screen.getByRole('status')).toHaveTextContent('Taking longer than expected');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep waiting' }));
    expect(operation.resume).toHaveBeenCalledOnce();
  });

  it('offers Resume after cancel, calling resume', async () => {
    const user = userEvent.setup();
    const operation = op({ status: 'cancelled' });
    render(<OperationProgress operation={operation} />);
    expect(screen.getByRole('status')).toHaveTextContent('Stopped checking for updates');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(operation.resume).toHaveBeenCalledOnce();
  });

  it('takes labels, classNames, a className and a ref; every part has a data-slot', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <OperationProgress
        ref={ref}
        className="mine"
        classNames={{ bar: 'bar-class' }}
        operation={op({ progress: 10 })}
        labels={{ running: 'Läuft…', cancel: 'Abbrechen', elapsed: (time) => `Dauer ${time}` }}
      />,
    );
    expect(ref.current).toHaveClass('mine');
    expect(ref.current).toHaveAttribute('data-slot', 'operation-progress');
    expect(screen.getByRole('status')).toHaveTextContent('Läuft…');
    expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveClass('bar-class');
    expect(ref.current).toHaveTextContent('Dauer 0:00');
    for (const part of ref.current?.querySelectorAll('div, span, p, button, time') ?? []) {
      expect(part.getAttribute('data-slot') ?? '').toMatch(/^operation-progress-/);
    }
  });
});

describe('OperationProgress: elapsed time', () => {
  it('ticks 0:00 → 0:05 once a second, outside the live region, and stops when terminal', async () => {
    vi.useFakeTimers();
    const startedAt = Date.now();
    const { container, rerender, unmount } = render(<OperationProgress operation={op({ startedAt })} />);
    const elapsed = () => container.querySelector('[data-slot="operation-progress-elapsed"]')?.textContent;
    expect(elapsed()).toBe('Elapsed 0:00');
    await flush(999);
    expect(elapsed()).toBe('Elapsed 0:00');
    await flush(1);
    expect(elapsed()).toBe('Elapsed 0:01');
    await flush(4000);
    expect(elapsed()).toBe('Elapsed 0:05');
    expect(container.querySelector('time')).toHaveAttribute('dateTime', 'PT5S');
    // Ticks are not announced: the live region holds the state only.
    expect(screen.getByRole('status')).toHaveTextContent(/^In progress…$/);

    await flush(500);
    rerender(<OperationProgress operation={op({ startedAt, status: 'succeeded', progress: 100 })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Completed');
    expect(vi.getTimerCount()).toBe(0);
    await flush(10_000);
    expect(elapsed()).toBe('Elapsed 0:05');
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops its timer on unmount', async () => {
    vi.useFakeTimers();
    const { unmount } = render(<OperationProgress operation={op()} />);
    await flush(2500);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts from startedAt and restarts when it changes (resume)', async () => {
    vi.useFakeTimers();
    const { container, rerender } = render(<OperationProgress operation={op({ startedAt: Date.now() - 65_000 })} />);
    const elapsed = () => container.querySelector('[data-slot="operation-progress-elapsed"]')?.textContent;
    expect(elapsed()).toBe('Elapsed 1:05');
    rerender(<OperationProgress operation={op({ startedAt: Date.now() })} />);
    expect(elapsed()).toBe('Elapsed 0:00');
    rerender(<OperationProgress operation={op({ startedAt: Date.now() })} showElapsed={false} />);
    expect(elapsed()).toBeUndefined();
  });
});

describe('OperationProgress with useAsyncOperation', () => {
  function Migration() {
    const migration = useAsyncOperation({ startPath: '/v1/migrations' });
    return (
      <>
        <button type="button" onClick={() => migration.start({ name: 'users' })}>
          Start migration
        </button>
        <OperationProgress operation={migration} locale="en-US" />
      </>
    );
  }

  it('follows a migration from pending to completed', async () => {
    const user = fakeTimersUser();
    const h = createHarness();
    render(<Migration />, { wrapper: h.wrapper });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await user.click(screen.getByRole('button', { name: 'Start migration' }));
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent('Waiting to start…');
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    await flush(1000);
    expect(screen.getByRole('status')).toHaveTextContent('In progress…');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '20');
    await flush(4000);
    expect(screen.getByRole('status')).toHaveTextContent('Completed');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Elapsed 0:05')).toBeInTheDocument();
    expect(h.api.countRequests(polls)).toBe(5);
  });

  it('Cancel stops polling: no status request follows; focus moves to Resume, which polls again', async () => {
    const user = fakeTimersUser();
    const h = createHarness();
    render(<Migration />, { wrapper: h.wrapper });
    await user.click(screen.getByRole('button', { name: 'Start migration' }));
    await flush(1000);
    expect(h.api.countRequests(polls)).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('status')).toHaveTextContent('Stopped checking for updates');
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveFocus();
    await flush(30_000);
    expect(h.api.countRequests(polls)).toBe(1);
    expect(screen.getByText('Elapsed 0:01')).toBeInTheDocument();

    await user.keyboard('{Enter}');
    await flush();
    expect(h.api.countRequests(polls)).toBe(2);
    expect(screen.getByRole('status')).toHaveTextContent('In progress…');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  });

  it('shows the failure of a failed migration with its request id', async () => {
    const user = fakeTimersUser();
    const h = createHarness({ api: { scenario: { operations: { outcome: 'failed', pollsToComplete: 2, error: { message: HOSTILE } } } } });
    const { container } = render(<Migration />, { wrapper: h.wrapper });
    await user.click(screen.getByRole('button', { name: 'Start migration' }));
    await flush();
    await flush(2000);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Failed'); // the copy button has its own
    expect(screen.getByText(HOSTILE)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-slot="request-id-value"]')).toHaveTextContent(/^req_/);
  });
});

describe('OperationProgress when checking the status fails', () => {
  it('offers Check again, which polls again, for a failed status check but not for a failed operation', () => {
    const resume = vi.fn();
    const pollError = new SenseiHttpError({ kind: 'http', status: 503, message: 'Service unavailable', idempotent: true });
    const base = { status: 'failed' as const, progress: undefined, startedAt: Date.now(), resume };
    const { rerender } = render(<OperationProgress operation={{ ...base, error: pollError }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(resume).toHaveBeenCalledTimes(1);
    const opError = new SenseiError({ kind: 'operation', message: 'Migration failed' });
    rerender(<OperationProgress operation={{ ...base, error: opError }} />);
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
    // A start that failed never had an operation to check.
    rerender(<OperationProgress operation={{ ...base, startedAt: undefined, error: pollError }} />);
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });
});

describe('OperationProgress under stress (issue 18)', () => {
  it('keeps focus in the component when the focused Cancel goes away on completion', () => {
    const startedAt = Date.now();
    const { container, rerender } = render(<OperationProgress operation={op({ startedAt })} />);
    act(() => screen.getByRole('button', { name: 'Cancel' }).focus());
    rerender(<OperationProgress operation={op({ status: 'succeeded', operationStatus: 'succeeded', startedAt })} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(document.body).not.toHaveFocus();
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveFocus();
    expect(root).toHaveTextContent('Completed');
  });

  it('translates the default failure panel\'s request id through labels.requestId', () => {
    render(
      <OperationProgress
        operation={op({ status: 'failed', operationStatus: 'failed', error: failure })}
        labels={{ failed: 'Fehlgeschlagen', requestId: 'Anfrage-ID' }}
      />,
    );
    const id = document.querySelector('[data-slot="request-id"]');
    expect(id).toHaveTextContent('Anfrage-ID');
    expect(id).not.toHaveTextContent('Request ID');
    expect(id).toHaveTextContent('req_abc123def456');
  });

  it('writes the elapsed time in the locale\'s digits', () => {
    render(<OperationProgress operation={op({ startedAt: Date.now() - 65_000 })} locale="ar-EG" />);
    const elapsed = document.querySelector('[data-slot="operation-progress-elapsed"]');
    expect(elapsed).toHaveTextContent(`Elapsed ${new Intl.NumberFormat('ar-EG').format(1)}:${new Intl.NumberFormat('ar-EG', { minimumIntegerDigits: 2 }).format(5)}`);
    expect(elapsed?.textContent).not.toMatch(/[0-9]/);
  });
});
