import { describe, expect, it } from 'vitest';
import { isNetworkError } from '../../src/core/isNetworkError.js';

describe('isNetworkError', () => {
  it('recognises the TypeError of a failed fetch, by name and message', () => {
    expect(isNetworkError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isNetworkError(new TypeError('fetch failed'))).toBe(true);
    expect(isNetworkError({ name: 'TypeError', message: 'Load failed' })).toBe(true);
  });

  it('is false for any other exception', () => {
    expect(isNetworkError(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isNetworkError(new Error('Failed to fetch'))).toBe(false);
    expect(isNetworkError({ name: 'TypeError' })).toBe(false);
  });

  it('answers false, not throwing, for values it cannot read', () => {
    expect(isNetworkError(null)).toBe(false);
    expect(isNetworkError(undefined)).toBe(false);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(isNetworkError(proxy)).toBe(false);
  });
});
