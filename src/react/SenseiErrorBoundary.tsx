'use client';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, useContext, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { warnOnce } from '../core/dev.js';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import { timers } from '../core/timers.js';
import { toErrorState, type ErrorState } from '../core/toErrorState.js';
import { SenseiContext } from './SenseiContext.js';
import { useClaimError } from './useClaimError.js';

/** What a fallback receives. */
export interface SenseiErrorFallbackProps {
  /** The value that was thrown, as is. */
  error: unknown;
  /** Its UI state, with the provider's (or the boundary's) catalog. */
  state: ErrorState;
  /** Resets the boundary and the failed queries under it, so they fetch again. */
  resetErrorBoundary: () => void;
}

/** Why the boundary reset, tagged. */
export type SenseiErrorBoundaryResetDetails =
  /** `resetErrorBoundary()` was called: the Retry button. */
  | { reason: 'retry' }
  /** An entry of `resetKeys` changed (such as the location). */
  | { reason: 'keys'; prev: readonly unknown[]; next: readonly unknown[] };

/** The behaviour of a boundary, whatever its fallback. */
export interface SenseiErrorBoundaryOptions {
  children?: ReactNode;
  /**
   * The boundary resets when an entry changes (compared with `Object.is`). Pass the location to
   * reset on navigation: `resetKeys={[location.pathname]}`.
   * @default []
   */
  resetKeys?: readonly unknown[];
  /** Called when the boundary resets, before its children render again. */
  onReset?: (details: SenseiErrorBoundaryResetDetails) => void;
  /** Called with each caught error, e.g. to report it. */
  onError?: (error: unknown, info: ErrorInfo) => void;
  /**
   * The catalog for the fallback's `state`.
   * @default the `errorCatalog` of the nearest `<SenseiProvider>`
   */
  catalog?: ErrorCatalog;
  /**
   * After this many automatic resets (`resetKeys`) in a row that fail again within a second,
   * the boundary stops resetting by itself until Retry is pressed: no render loop. Only resets
   * that follow each other within a few seconds count: broken pages visited one by one are no loop.
   * @default 3
   */
  maxQuickFailures?: number;
}

/** Exactly one way to render the fallback: the type forbids giving two. */
export type SenseiErrorBoundaryFallback =
  | { fallback: ReactNode; fallbackRender?: never; FallbackComponent?: never }
  | { fallback?: never; fallbackRender: (props: SenseiErrorFallbackProps) => ReactNode; FallbackComponent?: never }
  | { fallback?: never; fallbackRender?: never; FallbackComponent: ComponentType<SenseiErrorFallbackProps> };

export type SenseiErrorBoundaryProps = SenseiErrorBoundaryOptions & SenseiErrorBoundaryFallback;

/** A failure this soon after a reset counts as "failed again at once". */
const QUICK_FAILURE_MS = 1_000;
/** A reset this long after the previous one starts a new count: a loop resets again right after each failure. */
const LOOP_GAP_MS = 2 * QUICK_FAILURE_MS;

/**
 * An error boundary for Sensei UIs, without a default look: pass `fallback`, `fallbackRender` or
 * `FallbackComponent`. (`SenseiErrorBoundary` from `@sensei/react` wraps this one with
 * `SenseiErrorPanel` as the default fallback, because `src/react` does not import components.)
 *
 * Catches render errors and the errors TanStack Query throws (`throwOnError`, see
 * `senseiThrowOnError`). Its reset also resets the failed queries through a
 * `QueryErrorResetBoundary`, so Retry really refetches instead of rethrowing the cached error.
 */
export function SenseiErrorBoundary(props: SenseiErrorBoundaryProps) {
  const context = useContext(SenseiContext);
  const catalog = props.catalog ?? context?.errorCatalog;
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => <ErrorBoundaryImpl {...props} catalog={catalog} resetQueries={reset} />}
    </QueryErrorResetBoundary>
  );
}

type ImplProps = SenseiErrorBoundaryOptions & {
  fallback?: ReactNode;
  fallbackRender?: (props: SenseiErrorFallbackProps) => ReactNode;
  FallbackComponent?: ComponentType<SenseiErrorFallbackProps>;
  resetQueries: () => void;
};

interface ImplState {
  // A flag, not `error !== null`: `throw undefined` and `throw null` are caught too.
  didCatch: boolean;
  error: unknown;
}

class ErrorBoundaryImpl extends Component<ImplProps, ImplState> {
  override state: ImplState = { didCatch: false, error: null };
  #lastResetAt = -Infinity;
  #quickFailures = 0;
  #autoResetPaused = false;
  #stateFor: { error: unknown; catalog: ErrorCatalog | undefined; state: ErrorState } | undefined;

  static getDerivedStateFromError(error: unknown): ImplState {
    return { didCatch: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (timers.now() - this.#lastResetAt < QUICK_FAILURE_MS) {
      this.#quickFailures += 1;
      if (this.#quickFailures >= (this.props.maxQuickFailures ?? 3)) this.#autoResetPaused = true;
    } else {
      this.#quickFailures = 0;
    }
    this.props.onError?.(error, info);
  }

  override componentDidUpdate(prevProps: ImplProps, prevState: ImplState): void {
    // Not in the update that caught the error: its keys may have changed in the failing render.
    if (!this.state.didCatch || !prevState.didCatch) return;
    const prev = prevProps.resetKeys ?? [];
    const next = this.props.resetKeys ?? [];
    if (!keysChanged(prev, next)) return;
    if (this.#autoResetPaused) {
      // Inline, not only inside warnOnce: a production build then drops the message (React's own
      // builds rely on the same replacement of `process.env.NODE_ENV`).
      if (process.env.NODE_ENV !== 'production') {
        warnOnce(
        'boundary-reset-loop',
          `SenseiErrorBoundary: the content failed again right after ${this.#quickFailures} automatic resets, so resetKeys no longer reset it until Retry is pressed. Check that resetKeys hold stable values (e.g. location.pathname, not a new object each render).`,
        );
      }
      return;
    }
    this.#reset({ reason: 'keys', prev, next });
  }

  /** Passed to fallbacks: the user asked, so automatic resets may resume. */
  #resetErrorBoundary = (): void => {
    if (!this.state.didCatch) return;
    this.#quickFailures = 0;
    this.#autoResetPaused = false;
    this.#reset({ reason: 'retry' });
  };

  #reset(details: SenseiErrorBoundaryResetDetails): void {
    const now = timers.now();
    if (now - this.#lastResetAt >= LOOP_GAP_MS) this.#quickFailures = 0;
    this.#lastResetAt = now;
    // Before the children render again: queries that threw must refetch on mount, not rethrow.
    this.props.resetQueries();
    this.props.onReset?.(details);
    this.setState({ didCatch: false, error: null });
  }

  #errorState(error: unknown): ErrorState {
    const { catalog } = this.props;
    if (!this.#stateFor || this.#stateFor.error !== error || this.#stateFor.catalog !== catalog) {
      this.#stateFor = { error, catalog, state: toErrorState(error, { catalog }) };
    }
    return this.#stateFor.state;
  }

  override render(): ReactNode {
    const { didCatch, error } = this.state;
    const { children, fallback, fallbackRender, FallbackComponent } = this.props;
    if (!didCatch) return children;
    const props: SenseiErrorFallbackProps = {
      error,
      state: this.#errorState(error),
      resetErrorBoundary: this.#resetErrorBoundary,
    };
    let content: ReactNode = null;
    if (typeof fallbackRender === 'function') content = fallbackRender(props);
    else if (FallbackComponent) content = <FallbackComponent {...props} />;
    else if (fallback !== undefined) content = fallback;
    // The fallback shows this failure: the provider's rule gives it no toast as well.
    if (typeof fallbackRender === 'function' || FallbackComponent || fallback !== undefined) return <Claim error={error}>{content}</Claim>;
    if (process.env.NODE_ENV !== 'production') warnOnce('boundary-no-fallback', 'SenseiErrorBoundary from src/react needs `fallback`, `fallbackRender` or `FallbackComponent`; use the one from "@sensei/react" for the default panel.');
    return null;
  }
}

function Claim({ error, children }: { error: unknown; children: ReactNode }) {
  useClaimError(error);
  return children;
}

function keysChanged(prev: readonly unknown[], next: readonly unknown[]): boolean {
  return prev.length !== next.length || prev.some((key, index) => !Object.is(key, next[index]));
}
