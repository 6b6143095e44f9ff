import { describe, expect, it } from 'vitest';
import { isSenseiError, SenseiError, type SenseiErrorInit, SenseiHttpError } from '../../src/core/index.js';

const BRAND = Symbol.for('@sensei/react.SenseiError');

describe('SenseiError: name and message', () => {
  it('keeps its own name and the given message, whatever the init carries', () => {
    const init = { kind: 'operation', message: 'Migration failed', name: 'Evil' } as const;
    const error = new SenseiError(init);
    expect(error.name).toBe('SenseiError');
    expect(error.message).toBe('Migration failed');
    expect(String(error)).toBe('SenseiError: Migration failed');
    expect(error.toJSON()).toMatchObject({ name: 'SenseiError', message: 'Migration failed' });
    expect(new SenseiHttpError({ kind: 'http', message: 'x', status: 500 }).name).toBe('SenseiHttpError');
  });

  it('keeps message a string, as Error does, when a plain-JS caller or old dehydrated data sends another value', () => {
    expect(new SenseiError({ kind: 'http', message: 404 as unknown as string }).message).toBe('404');
    expect(new SenseiError({ kind: 'http' } as unknown as SenseiErrorInit).message).toBe('');
  });
});

describe('isSenseiError: only branded objects', () => {
  it('is false for a function carrying the brand', () => {
    const branded = Object.assign(() => {}, { [BRAND]: true });
    expect(isSenseiError(branded)).toBe(false);
  });

  it('answers false, not throwing, for a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(isSenseiError(proxy)).toBe(false);
  });

  it('answers false for a brand that is merely truthy', () => {
    expect(isSenseiError({ [BRAND]: 1 })).toBe(false);
    expect(isSenseiError({ [BRAND]: true })).toBe(true);
  });
});
