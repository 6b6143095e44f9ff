import { act, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import type { ErrorCatalog } from '../../src/core/errorCatalog.js';
import { SenseiHttpError } from '../../src/core/SenseiError.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useCountdown } from '../../src/react/useCountdown.js';
import { useErrorState } from '../../src/react/useErrorState.js';
import { useFieldErrors } from '../../src/react/useFieldErrors.js';
import { createFakeFetch } from '../core/fakeFetch.js';

const validation = new SenseiHttpError({
  kind: 'http',
  message: 'Invalid',
  status: 422,
  code: 'E7003',
  details: { field: 'name', reason: 'required' },
});

function providerWith(catalog: ErrorCatalog | undefined) {
  const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: 'k', fetch: createFakeFetch().fetch, shareAcrossTabs: false });
  return function Wrapper({ children }: { children?: ReactNode }) {
    return (
      <SenseiProvider client={client} errorCatalog={catalog}>
        {children}
      </SenseiProvider>
    );
  };
}

describe('useErrorState', () => {
  it('reads the catalog from the provider', () => {
    const catalog: ErrorCatalog = { codes: { E7003: { title: 'Name it' } } };
    const { result } = renderHook(() => useErrorState(validation), { wrapper: providerWith(catalog) });
    expect(result.current).toMatchObject({ kind: 'validation', title: 'Name it', fieldErrors: { name: 'required' } });
  });

  it('lets an explicit catalog win over the provider', () => {
    const { result } = renderHook(() => useErrorState(validation, { catalog: { codes: { E7003: { title: 'Mine' } } } }), {
      wrapper: providerWith({ codes: { E7003: { title: 'Provider' } } }),
    });
    expect(result.current?.title).toBe('Mine');
  });

  it('works outside the provider, without a catalog', () => {
    const { result } = renderHook(() => useErrorState(validation));
    expect(result.current).toMatchObject({ kind: 'validation', title: 'Check your input' });
  });

  it('returns null for no error, so query.error can go straight in', () => {
    const { result, rerender } = renderHook(({ error }: { error: unknown }) => useErrorState(error), {
      initialProps: { error: null as unknown },
    });
    expect(result.current).toBeNull();
    rerender({ error: undefined });
    expect(result.current).toBeNull();
  });

  it('keeps the same state object while the error is the same', () => {
    const { result, rerender } = renderHook(({ error }: { error: unknown }) => useErrorState(error), {
      initialProps: { error: validation as unknown },
    });
    const first = result.current;
    rerender({ error: validation });
    expect(result.current).toBe(first);
    rerender({ error: new Error('other') });
    expect(result.current).not.toBe(first);
    expect(result.current?.kind).toBe('unexpected');
  });
});

describe('useFieldErrors', () => {
  it('maps 422 details to fields, stable per error', () => {
    const { result, rerender } = renderHook(({ error }: { error: unknown }) => useFieldErrors(error), {
      initialProps: { error: validation as unknown },
    });
    expect(result.current).toEqual({ name: 'required' });
    const first = result.current;
    rerender({ error: validation });
    expect(result.current).toBe(first);
    rerender({ error: null });
    expect(result.current).toEqual({});
  });

  it('feeds a form library such as react-hook-form', () => {
    const setError = vi.fn();
    const { result } = renderHook(() => useFieldErrors(validation));
    for (const [name, message] of Object.entries(result.current)) setError(name, { type: 'server', message });
    expect(setError).toHaveBeenCalledWith('name', { type: 'server', message: 'required' });
  });
});

describe('useCountdown', () => {
  it('ticks each second, stops at 0 and leaves no timer', async () => {
    vi.useFakeTimers({ now: 10_000 });
    const { result } = renderHook(() => useCountdown(13_000));
    expect(result.current).toBe(3_000);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(result.current).toBe(2_000);
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(result.current).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lands its ticks on whole seconds of the remaining time', async () => {
    vi.useFakeTimers({ now: 0 });
    const { result } = renderHook(() => useCountdown(2_500));
    await act(() => vi.advanceTimersByTimeAsync(499));
    expect(result.current).toBe(2_500);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(result.current).toBe(2_000);
  });

  it('is 0 without a target or for a past one', () => {
    vi.useFakeTimers({ now: 5_000 });
    expect(renderHook(() => useCountdown(undefined)).result.current).toBe(0);
    expect(renderHook(() => useCountdown(1_000)).result.current).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('restarts from the current time when the target changes', async () => {
    vi.useFakeTimers({ now: 0 });
    const { result, rerender } = renderHook(({ target }: { target: number | undefined }) => useCountdown(target), {
      initialProps: { target: undefined as number | undefined },
    });
    await act(() => vi.advanceTimersByTimeAsync(600_000));
    rerender({ target: 600_000 + 42_000 });
    expect(result.current).toBe(42_000);
  });

  it('stops on unmount', () => {
    vi.useFakeTimers({ now: 0 });
    const { unmount } = renderHook(() => useCountdown(60_000));
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-renders only the component that uses it', async () => {
    vi.useFakeTimers({ now: 0 });
    let parentRenders = 0;
    let childRenders = 0;
    function Child() {
      childRenders += 1;
      return <span>{useCountdown(5_000)}</span>;
    }
    function Parent() {
      parentRenders += 1;
      return <Child />;
    }
    render(<Parent />);
    for (let second = 0; second < 5; second += 1) await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByText('0')).toBeInTheDocument();
    expect(parentRenders).toBe(1);
    expect(childRenders).toBeGreaterThanOrEqual(6);
  });
});
