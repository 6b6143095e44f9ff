// @vitest-environment node
// A client with no API key is a development error (issue 20): an unset variable must not send
// every request without a key. APIs behind a cookie or a proxy opt out; production skips it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient, isSenseiError, SenseiRequestError } from '../../src/core/index.js';
import { createFakeFetch, json } from './fakeFetch.js';

const BASE = 'https://api.example.com';

/** What a caught creation error is, or `undefined` when creation succeeded. */
function creationError(create: () => unknown): unknown {
  try {
    create();
    return undefined;
  } catch (error: unknown) {
    return error;
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createSenseiClient without an API key', () => {
  it.each([
    ['neither apiKey nor getApiKey', {}],
    ['an unset variable (apiKey: undefined)', { apiKey: undefined }],
    ['an empty variable (apiKey: "")', { apiKey: '' }],
  ])('%s: throws a typed error in development that says what to do, and sends nothing', (_name, keyOptions) => {
    const fake = createFakeFetch(() => json({}));
    const error = creationError(() => createSenseiClient({ baseUrl: BASE, fetch: fake.fetch, shareAcrossTabs: false, ...keyOptions }));
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect(isSenseiError(error) && error.kind).toBe('invalid-request');
    expect((error as Error).message).toContain(`No API key for ${BASE}`);
    expect((error as Error).message).toContain('`apiKey` or `getApiKey`');
    expect((error as Error).message).toContain('`requireApiKey: false`');
    expect(fake.calls).toHaveLength(0);
  });

  it('requireApiKey: false opts out (a cookie or a proxy): requests go out without a credential', async () => {
    const fake = createFakeFetch(() => json({ ok: true }));
    const client = createSenseiClient({ baseUrl: BASE, fetch: fake.fetch, shareAcrossTabs: false, requireApiKey: false });
    await expect(client.get('/v1/ping')).resolves.toEqual({ ok: true });
    expect(fake.calls[0]?.headers.has('Authorization')).toBe(false);
  });

  it('apiKey or getApiKey alone is enough', () => {
    expect(() => createSenseiClient({ baseUrl: BASE, apiKey: 'k', shareAcrossTabs: false })).not.toThrow();
    expect(() => createSenseiClient({ baseUrl: BASE, getApiKey: () => null, shareAcrossTabs: false })).not.toThrow();
  });

  it('is a development check: with NODE_ENV=production the client is created', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const fake = createFakeFetch(() => json({ ok: true }));
    const client = createSenseiClient({ baseUrl: BASE, fetch: fake.fetch, shareAcrossTabs: false });
    await expect(client.get('/v1/ping')).resolves.toEqual({ ok: true });
  });

});
