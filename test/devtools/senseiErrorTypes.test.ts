import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient, getFieldErrors, senseiKeys, SenseiHttpError, toErrorState } from '../../src/core/index.js';
import { senseiErrorResponses, senseiErrorTypes } from '../../src/devtools/index.js';

const START = Date.UTC(2026, 0, 15, 12, 0, 0);
const BASE = 'https://api.devtools.example/v1';

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});

afterEach(() => {
  vi.useRealTimers();
});

/** The error the real client raises when the server gives `name`'s answer to a GET of `path`. */
async function fromClient(name: string, path: string): Promise<SenseiHttpError> {
  const { status, body, headers } = senseiErrorResponses[name]!;
  const client = createSenseiClient({
    baseUrl: BASE,
    apiKey: 'sk_devtools_error_types',
    shareAcrossTabs: false,
    rateLimitGate: false,
    fetch: async () => new Response(body, { status, headers }),
  });
  const error: unknown = await client.get(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SenseiHttpError);
  return error as SenseiHttpError;
}

describe('senseiErrorTypes', () => {
  it('offers a 429 with Retry-After, a 503, a 422 with field details, a 401 and an unreadable 502', () => {
    expect(senseiErrorTypes.map((type) => type.name)).toEqual([
      'Sensei 429 rate limited (Retry-After: 30)',
      'Sensei 503 unavailable (Retry-After: 5)',
      'Sensei 422 validation (field details)',
      'Sensei 401 unauthenticated',
      'Sensei 502 unreadable body (HTML)',
    ]);
  });

  it.each(senseiErrorTypes.map((type) => [type.name, type] as const))('%s is the SenseiError the client raises for that answer', async (name, type) => {
    const queryKey = senseiKeys.resource(BASE, '/migrations/mig_1');
    const injected = type.initializer({ queryKey });
    const real = await fromClient(name, '/migrations/mig_1');
    expect(injected).toBeInstanceOf(SenseiHttpError);
    expect(injected.name).toBe(real.name);
    expect((injected as SenseiHttpError).toJSON()).toEqual(real.toJSON());
    expect(toErrorState(injected)).toEqual(toErrorState(real));
  });

  it('gives the UI what it needs: the 429 says when, the 422 names the field, the 502 is unreadable', () => {
    const byName = Object.fromEntries(senseiErrorTypes.map((type) => [type.name, type.initializer({ queryKey: senseiKeys.resource(BASE, '/x') }) as SenseiHttpError]));
    expect(byName['Sensei 429 rate limited (Retry-After: 30)']).toMatchObject({ status: 429, retryAt: START + 30_000, retryAfterMs: 30_000 });
    expect(getFieldErrors(byName['Sensei 422 validation (field details)'])).toEqual({ name: 'required' });
    expect(byName['Sensei 502 unreadable body (HTML)']).toMatchObject({ status: 502, bodyUnreadable: true });
    expect(byName['Sensei 401 unauthenticated']?.url).toBe(`${BASE}/x`);
  });
});
