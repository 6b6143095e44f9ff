import { expect } from 'vitest';
import { MAX_SERVER_DELAY_MS } from '../../src/core/parseRetryAfter.js';
import type { RateLimitStore } from '../../src/core/RateLimitStore.js';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import { isSenseiError, SenseiError } from '../../src/core/SenseiError.js';
import { toErrorState, type ErrorState } from '../../src/core/toErrorState.js';

/** The provider's default policy, as every hook uses it. */
export const defaultPolicy = createRetryPolicy();
/** The longest delay the default policy may ever return. */
export const DEFAULT_POLICY_CAP_MS = 300_000;

/** A delay is a number of ms in [0, cap]: finite, never negative, never NaN. */
export function expectDelay(ms: number | undefined, cap: number, what: string): void {
  if (ms === undefined) return;
  if (!(Number.isFinite(ms) && ms >= 0 && ms <= cap)) {
    throw new Error(`${what} is ${String(ms)}, outside [0, ${cap}]`);
  }
}

/** What every error must allow error UI to show: a title and a way out, with sane timing. */
export function expectUsableState(state: ErrorState, now: number): void {
  expect(typeof state.title).toBe('string');
  expect(state.title.trim()).not.toBe('');
  expect(typeof state.message).toBe('string');
  expect(state.message.trim()).not.toBe('');
  expect(state.actions.length).toBeGreaterThan(0);
  for (const action of state.actions) expect(action.label.trim()).not.toBe('');
  if (state.retryAt !== undefined) expectDelay(state.retryAt - now, MAX_SERVER_DELAY_MS, 'state.retryAt - now');
  for (const action of state.actions) {
    if (action.type === 'retry-at') expectDelay(action.at - now, MAX_SERVER_DELAY_MS, 'retry-at action');
  }
}

/** Everything the library derives from one `SenseiError`: state, delays, retry decision. */
export function expectSaneError(error: unknown, now: number): asserts error is SenseiError {
  if (!isSenseiError(error) || !(error instanceof SenseiError)) {
    throw new Error(`A non-SenseiError escaped: ${describeValue(error)}`);
  }
  expectDelay(error.retryAfterMs, MAX_SERVER_DELAY_MS, 'error.retryAfterMs');
  expectUsableState(toErrorState(error, { now }), now);
  for (const failureCount of [0, 1, 2, 10]) {
    expect(typeof defaultPolicy.retry(failureCount, error)).toBe('boolean');
    expectDelay(defaultPolicy.retryDelay(failureCount, error), DEFAULT_POLICY_CAP_MS, 'retryDelay');
  }
}

/** The gate opens within the server delay cap, if it is closed at all. */
export function expectSaneGate(store: RateLimitStore, now: number): void {
  const at = store.openAt(now);
  if (at !== undefined) expectDelay(at - now, MAX_SERVER_DELAY_MS, 'store.openAt - now');
  const { limit, remaining } = store.getSnapshot();
  if (limit !== undefined) expect(Number.isSafeInteger(limit) && limit >= 0).toBe(true);
  if (remaining !== undefined) expect(Number.isSafeInteger(remaining) && remaining >= 0).toBe(true);
}

/** Every string reachable from an error: message, String(), JSON, stack and the whole cause chain. */
export function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; depth < 20 && current !== undefined && current !== null && !seen.has(current); depth += 1) {
    seen.add(current);
    texts.push(safe(() => String(current)));
    texts.push(safe(() => JSON.stringify(current) ?? ''));
    if (typeof current === 'object') {
      const record = current as Record<string, unknown>;
      texts.push(safe(() => String(record.message ?? '')));
      texts.push(safe(() => String(record.stack ?? '')));
      for (const key of Reflect.ownKeys(record)) {
        texts.push(safe(() => (typeof record[key as string] === 'string' ? (record[key as string] as string) : JSON.stringify(record[key as string]) ?? '')));
      }
      current = record.cause;
    } else {
      current = undefined;
    }
  }
  return texts;
}

function safe(read: () => string): string {
  try {
    return read();
  } catch {
    return '';
  }
}

export function describeValue(value: unknown): string {
  return safe(() => (value instanceof Error ? `${value.name}: ${value.message}` : JSON.stringify(value) ?? String(value)));
}
