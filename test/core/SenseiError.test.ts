import { describe, expect, it } from 'vitest';
import {
  isSenseiError,
  SenseiAbortError,
  SenseiError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiResponseError,
  SenseiTimeoutError,
} from '../../src/core/index.js';

describe('SenseiError', () => {
  it('carries everything the UI needs', () => {
    const cause = new Error('root');
    const error = new SenseiHttpError({
      kind: 'http',
      message: 'Invalid request',
      status: 400,
      code: 'E7003',
      details: { field: 'name' },
      requestId: 'req_1',
      rateLimit: { limit: 10, remaining: 0 },
      retryAfterMs: 1000,
      method: 'POST',
      url: 'https://api.example.com/v1/things',
      idempotent: true,
      bodyUnreadable: false,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SenseiError);
    expect(error).toMatchObject({
      name: 'SenseiHttpError',
      kind: 'http',
      message: 'Invalid request',
      status: 400,
      code: 'E7003',
      details: { field: 'name' },
      requestId: 'req_1',
      rateLimit: { limit: 10, remaining: 0 },
      retryAfterMs: 1000,
      method: 'POST',
      url: 'https://api.example.com/v1/things',
      idempotent: true,
      bodyUnreadable: false,
    });
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('SenseiHttpError: Invalid request');
  });

  it('defaults idempotent and bodyUnreadable to false and leaves cause unset', () => {
    const error = new SenseiError({ kind: 'network', message: 'x' });
    expect(error.idempotent).toBe(false);
    expect(error.bodyUnreadable).toBe(false);
    expect('cause' in error).toBe(false);
    expect(error.name).toBe('SenseiError');
  });

  it.each([
    ['SenseiHttpError', SenseiHttpError, 'http'],
    ['SenseiAbortError', SenseiAbortError, 'aborted'],
    ['SenseiResponseError', SenseiResponseError, 'invalid-response'],
    ['SenseiRequestError', SenseiRequestError, 'invalid-request'],
    ['SenseiNetworkError', SenseiNetworkError, 'network'],
  ] as const)('%s has its literal name and is a SenseiError', (name, ErrorClass, kind) => {
    const error = new ErrorClass({ kind, message: 'm' });
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(SenseiError);
    expect(isSenseiError(error)).toBe(true);
  });

  it('SenseiNetworkError says whether the browser was offline', () => {
    expect(new SenseiNetworkError({ kind: 'network', message: 'm' }).offline).toBe(false);
    expect(new SenseiNetworkError({ kind: 'network', message: 'm', offline: true }).offline).toBe(true);
  });

  it('SenseiTimeoutError carries the timeout', () => {
    const error = new SenseiTimeoutError({ kind: 'timeout', message: 'm', timeoutMs: 5000 });
    expect(error.name).toBe('SenseiTimeoutError');
    expect(error.timeoutMs).toBe(5000);
  });

  it('serialises to a plain object without the cause', () => {
    const error = new SenseiHttpError({
      kind: 'http',
      message: 'Nope',
      status: 503,
      requestId: 'req_2',
      cause: new Error('with internals'),
    });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toEqual({ name: 'SenseiHttpError', kind: 'http', message: 'Nope', status: 503, requestId: 'req_2' });
    expect(JSON.stringify(error)).not.toContain('with internals');
  });
});

describe('isSenseiError', () => {
  it('is false for anything else', () => {
    for (const value of [new Error('x'), new TypeError('x'), { name: 'SenseiHttpError', kind: 'http' }, null, undefined, 'SenseiError', 42]) {
      expect(isSenseiError(value)).toBe(false);
    }
  });

  it('recognises an error from another copy of the library (shared brand, not instanceof)', () => {
    const foreign = Object.defineProperty(new Error('from another bundle'), Symbol.for('@sensei/react.SenseiError'), { value: true });
    expect(foreign).not.toBeInstanceOf(SenseiError);
    expect(isSenseiError(foreign)).toBe(true);
  });
});
