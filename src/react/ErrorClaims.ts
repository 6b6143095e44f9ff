import type { QueryClient } from '@tanstack/react-query';
import { onePer } from '../core/onePer.js';

const noop = () => {};

/**
 * The errors that a panel or boundary renders right now, per `QueryClient`: the provider's
 * surface rule reads it so that a failure on screen in a panel does not toast as well.
 * Tiny on purpose: a panel pulls in this, not the retry store.
 */
export class ErrorClaims {
  readonly #counts = new Map<unknown, number>();
  readonly #listeners = new Set<() => void>();

  /** Whether a panel or boundary renders `error` now. */
  has(error: unknown): boolean {
    return error != null && this.#counts.has(error);
  }

  /** Says that a panel renders `error`; returns the release (idempotent). */
  claim(error: unknown): () => void {
    if (error == null) return noop;
    this.#counts.set(error, (this.#counts.get(error) ?? 0) + 1);
    this.#changed();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = (this.#counts.get(error) ?? 1) - 1;
      if (count > 0) this.#counts.set(error, count);
      else this.#counts.delete(error);
      this.#changed();
    };
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** The claims of `queryClient`, shared by its panels, boundaries and retry store. */
export const errorClaimsFor: (queryClient: QueryClient) => ErrorClaims = onePer(() => new ErrorClaims());
