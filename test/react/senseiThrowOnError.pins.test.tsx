import { describe, expect, it } from 'vitest';
import { SenseiAbortError, SenseiHttpError, SenseiNetworkError, SenseiTimeoutError } from '../../src/core/SenseiError.js';
import { senseiThrowOnError } from '../../src/react/senseiThrowOnError.js';

const http = (status: number) => new SenseiHttpError({ kind: 'http', message: `Server message ${status}`, status, code: `E${status}` });

describe('senseiThrowOnError: which failures go to the boundary', () => {
  it.each([
    ['a 500 (server)', http(500)],
    ['a 502 (gateway)', http(502)],
    ['a 504 (gateway)', http(504)],
    ['a 503 (unavailable)', http(503)],
    ['a bug (unexpected)', new Error('bug')],
    ['a timeout', new SenseiTimeoutError({ kind: 'timeout', message: 'Timed out', timeoutMs: 5_000 })],
    ['a network failure (offline)', new SenseiNetworkError({ kind: 'network', message: 'Failed to fetch', offline: true })],
  ])('sends %s of a query without data to the boundary', (_name, error) => {
    expect(senseiThrowOnError(error)).toBe(true);
    expect(senseiThrowOnError(error, { state: { data: undefined } })).toBe(true);
  });

  it.each([
    ['a 400', http(400)],
    ['a 404', http(404)],
    ['a 409', http(409)],
    ['a 422', http(422)],
    ['a 429', http(429)],
    ['an abort', new SenseiAbortError({ kind: 'aborted', message: 'Aborted' })],
  ])('keeps %s inline', (_name, error) => {
    expect(senseiThrowOnError(error)).toBe(false);
  });

  it('keeps any failure inline while the query still has data to show', () => {
    expect(senseiThrowOnError(http(500), { state: { data: { id: 1 } } })).toBe(false);
    expect(senseiThrowOnError(http(503), { state: { data: null } })).toBe(false);
  });
});
