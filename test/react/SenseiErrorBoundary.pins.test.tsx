import { act, fireEvent, render, screen } from '@testing-library/react';
import { useEffect, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCatalog } from '../../src/core/errorCatalog.js';
import { SenseiHttpError } from '../../src/core/SenseiError.js';
import type { ErrorState } from '../../src/core/toErrorState.js';
import { SenseiErrorBoundary, type SenseiErrorBoundaryOptions, type SenseiErrorFallbackProps } from '../../src/react/SenseiErrorBoundary.js';

/** React logs every error a boundary catches: expected here. */
function expectLoggedErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

const http = (status: number) =>
  new SenseiHttpError({ kind: 'http', message: `Server message ${status}`, status, code: `E${status}`, requestId: `req_${status}` });

/** `/broken…` fails on render, `/late` fails 1.2 s after it showed, anything else renders. */
function Page({ path }: { path: string }) {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (path !== '/late') return undefined;
    const id = setTimeout(() => setFailed(true), 1_200);
    return () => clearTimeout(id);
  }, [path]);
  if (path.startsWith('/broken') || failed) throw http(500);
  return <p>page {path}</p>;
}

function Retry({ resetErrorBoundary }: SenseiErrorFallbackProps) {
  return (
    <button type="button" onClick={resetErrorBoundary}>
      Retry
    </button>
  );
}

function routed(options: SenseiErrorBoundaryOptions = {}) {
  return (path: string, children: ReactNode = <Page path={path} />) => (
    <SenseiErrorBoundary resetKeys={[path]} FallbackComponent={Retry} {...options}>
      {children}
    </SenseiErrorBoundary>
  );
}

/** Moves fake time on by `ms`, then renders `next`. */
async function later(ms: number, rerender: (ui: ReactNode) => void, next: ReactNode) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
  rerender(next);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SenseiErrorBoundary: what resets it', () => {
  it('stays on the fallback when its parent re-renders without resetKeys', () => {
    expectLoggedErrors();
    let broken = true;
    function Flaky() {
      if (broken) throw http(500);
      return <p>content</p>;
    }
    const view = () => (
      <SenseiErrorBoundary fallback={<p>fallback</p>}>
        <Flaky />
      </SenseiErrorBoundary>
    );
    const { rerender } = render(view());
    broken = false;
    rerender(view());
    expect(screen.getByText('fallback')).toBeInTheDocument();
    expect(screen.queryByText('content')).toBeNull();
  });

  it('resets when a key is added to resetKeys', () => {
    expectLoggedErrors();
    const onReset = vi.fn();
    const view = (keys: string[], path: string) => (
      <SenseiErrorBoundary resetKeys={keys} onReset={onReset} fallback={<p>fallback</p>}>
        <Page path={path} />
      </SenseiErrorBoundary>
    );
    const { rerender } = render(view(['a'], '/broken'));
    rerender(view(['a', 'b'], '/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
    expect(onReset).toHaveBeenCalledWith({ reason: 'keys', prev: ['a'], next: ['a', 'b'] });
  });

  it('resets when one of several keys changes', () => {
    expectLoggedErrors();
    const view = (keys: string[], path: string) => (
      <SenseiErrorBoundary resetKeys={keys} fallback={<p>fallback</p>}>
        <Page path={path} />
      </SenseiErrorBoundary>
    );
    const { rerender } = render(view(['a', 'b'], '/broken'));
    rerender(view(['a', 'c'], '/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
  });

  it('does not reset in the very render that failed, even when the keys changed in it', () => {
    expectLoggedErrors();
    const onReset = vi.fn();
    const view = routed({ onReset });
    const { rerender } = render(view('/home'));
    rerender(view('/broken'));
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(onReset).not.toHaveBeenCalled();
  });

  it('ignores a Retry from a fallback that is no longer shown', () => {
    expectLoggedErrors();
    const onReset = vi.fn();
    let retry: (() => void) | undefined;
    let broken = true;
    function Flaky() {
      if (broken) throw http(500);
      return <p>content</p>;
    }
    render(
      <SenseiErrorBoundary
        onReset={onReset}
        fallbackRender={({ resetErrorBoundary }) => {
          retry = resetErrorBoundary;
          return <p>fallback</p>;
        }}
      >
        <Flaky />
      </SenseiErrorBoundary>,
    );
    broken = false;
    act(() => retry?.());
    expect(screen.getByText('content')).toBeInTheDocument();
    act(() => retry?.());
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(onReset).toHaveBeenCalledWith({ reason: 'retry' });
  });
});

describe('SenseiErrorBoundary: telling a reset loop from separate failures', () => {
  it('does not count the first failure as failing again after a reset', () => {
    vi.useFakeTimers();
    expectLoggedErrors();
    const view = routed({ maxQuickFailures: 1 });
    const { rerender } = render(view('/broken'));
    rerender(view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
  });

  it('does not count a failure a full second after the reset as quick', async () => {
    vi.useFakeTimers();
    expectLoggedErrors();
    const view = routed({ maxQuickFailures: 1 });
    const { rerender } = render(view('/broken/1'));
    rerender(view('/late'));
    // 1.2 s after the reset: not "at once".
    await act(() => vi.advanceTimersByTimeAsync(1_200));
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    rerender(view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
  });

  it('counts a failure exactly one second after a reset as separate, not quick', async () => {
    vi.useFakeTimers();
    expectLoggedErrors();
    let failAfter = 0;
    function FailsLater() {
      const [failed, setFailed] = useState(false);
      useEffect(() => {
        const id = setTimeout(() => setFailed(true), failAfter);
        return () => clearTimeout(id);
      }, []);
      if (failed) throw http(500);
      return <p>for now</p>;
    }
    const view = (path: string, child?: ReactNode) => routed({ maxQuickFailures: 1 })(path, child);
    const { rerender } = render(view('/broken'));
    failAfter = 1_000;
    rerender(view('/later', <FailsLater />));
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    rerender(view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
  });

  it('starts the count again after a failure that was not quick', async () => {
    vi.useFakeTimers();
    expectLoggedErrors();
    const view = routed({ maxQuickFailures: 2 });
    const { rerender } = render(view('/broken/0'));
    rerender(view('/broken/1')); // quick failure 1
    await later(1_500, rerender, view('/late')); // reset 1.5 s later: the count goes on
    await act(() => vi.advanceTimersByTimeAsync(1_200)); // a slow failure: the count restarts
    await later(100, rerender, view('/broken/2')); // quick failure 1 again, not 2
    await later(100, rerender, view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
  });

  it('counts resets 1.5 s apart that each fail at once as a loop', async () => {
    vi.useFakeTimers();
    expectLoggedErrors();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const view = routed({ maxQuickFailures: 2 });
    const { rerender } = render(view('/broken/0'));
    rerender(view('/broken/1'));
    await later(1_500, rerender, view('/broken/2'));
    await later(1_500, rerender, view('/home'));
    expect(screen.queryByText('page /home')).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('starts a new count for a reset exactly two seconds after the previous one', async () => {
    vi.useFakeTimers();
    expectLoggedErrors();
    const view = routed({ maxQuickFailures: 2 });
    const { rerender } = render(view('/broken/0'));
    rerender(view('/broken/1')); // quick failure 1
    await later(2_000, rerender, view('/broken/2')); // a new count: quick failure 1 again
    await later(100, rerender, view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
  });

  it('resumes automatic resets after Retry', async () => {
    vi.useFakeTimers();
    expectLoggedErrors();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const view = routed({ maxQuickFailures: 2 });
    const { rerender } = render(view('/broken/0'));
    rerender(view('/broken/1'));
    await later(100, rerender, view('/broken/2')); // two quick failures: paused
    await later(100, rerender, view('/broken/3'));
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(100));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' })); // fails again at once: 1 of 2
    await later(100, rerender, view('/home'));
    expect(screen.getByText('page /home')).toBeInTheDocument();
  });
});

describe('SenseiErrorBoundary: the state its fallback gets', () => {
  function Recorder({ seen }: { seen: ErrorState[] }) {
    return function RecordingFallback({ state, resetErrorBoundary }: SenseiErrorFallbackProps) {
      seen.push(state);
      return (
        <button type="button" onClick={resetErrorBoundary}>
          {state.title}
        </button>
      );
    };
  }

  it('keeps the same state object while the error and catalog stay the same', () => {
    expectLoggedErrors();
    const seen: ErrorState[] = [];
    const Fallback = Recorder({ seen });
    const catalog: ErrorCatalog = { codes: { E500: { title: 'Our fault' } } };
    const error = http(500);
    function Bomb(): never {
      throw error;
    }
    const view = () => (
      <SenseiErrorBoundary catalog={catalog} FallbackComponent={Fallback}>
        <Bomb />
      </SenseiErrorBoundary>
    );
    const { rerender } = render(view());
    const shown = seen.at(-1);
    rerender(view());
    expect(seen.at(-1)).toEqual(shown);
    expect(seen.at(-1)).toBe(shown);
  });

  it('describes a new error after Retry, and follows a new catalog', () => {
    expectLoggedErrors();
    const seen: ErrorState[] = [];
    const Fallback = Recorder({ seen });
    let error = http(500);
    function Bomb(): never {
      throw error;
    }
    const view = (catalog: ErrorCatalog) => (
      <SenseiErrorBoundary catalog={catalog} FallbackComponent={Fallback}>
        <Bomb />
      </SenseiErrorBoundary>
    );
    const first: ErrorCatalog = { codes: { E500: { title: 'Our fault' }, E404: { title: 'Gone' } } };
    const { rerender } = render(view(first));
    expect(screen.getByRole('button')).toHaveTextContent('Our fault');
    error = http(404);
    fireEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('button')).toHaveTextContent('Gone');
    rerender(view({ codes: { E404: { title: 'Not here any more' } } }));
    expect(screen.getByRole('button')).toHaveTextContent('Not here any more');
  });
});

describe('SenseiErrorBoundary without a fallback (src/react)', () => {
  it('renders nothing and says in development which fallback it needs', () => {
    expectLoggedErrors();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    function Bomb(): never {
      throw http(500);
    }
    const { container } = render(
      // @ts-expect-error the headless boundary needs one fallback
      <SenseiErrorBoundary>
        <Bomb />
      </SenseiErrorBoundary>,
    );
    expect(container).toBeEmptyDOMElement();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('needs `fallback`, `fallbackRender` or `FallbackComponent`'));
  });
});
