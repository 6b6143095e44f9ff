// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDevelopment, warnOnce } from '../../src/core/dev.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('warnOnce', () => {
  it('warns once per key, prefixed with the package name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warnOnce('dev-test:a', 'Do this instead.');
    warnOnce('dev-test:a', 'Do this instead.');
    warnOnce('dev-test:b', 'Another thing.');
    expect(warn.mock.calls).toEqual([['[@sensei/react] Do this instead.'], ['[@sensei/react] Another thing.']]);
  });

  it('is silent in production builds', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(isDevelopment()).toBe(false);
    warnOnce('dev-test:production', 'Not shown.');
    expect(warn).not.toHaveBeenCalled();
  });

  it('treats test and development as development', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(isDevelopment()).toBe(true);
    vi.stubEnv('NODE_ENV', 'test');
    expect(isDevelopment()).toBe(true);
  });
});
