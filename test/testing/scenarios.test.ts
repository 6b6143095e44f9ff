import { describe, expect, it, vi } from 'vitest';
import {
  createMockSenseiApi,
  mockErrorDefaults,
  type Migration,
  type MockSenseiApi,
  type StandardErrorBody,
} from '../../src/testing/index.js';

const auth = { Authorization: 'Bearer test-key' };

function get(api: MockSenseiApi, path = '/v1/migrations', init: RequestInit = {}) {
  return api.fetch(path, { ...init, headers: auth });
}

async function statuses(api: MockSenseiApi, count: number) {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await get(api)).status);
  return seen;
}

function expectStandardError(body: unknown) {
  expect(body).toEqual({
    error: {
      code: expect.stringMatching(/^E\d{4}$/),
      message: expect.any(String),
      details: expect.any(Object),
      request_id: expect.stringMatching(/^req_[0-9a-f]{12}$/),
    },
  });
}

describe('error scenario', () => {
  it.each([400, 401, 403, 404, 405, 409, 413, 415, 422, 500, 502, 503, 504])(
    'forces %i with the standard body',
    async (status) => {
      const api = createMockSenseiApi({ scenario: { error: { status } } });
      const response = await get(api);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = (await response.json()) as StandardErrorBody;
      expectStandardError(body);
      expect(body.error.code).toBe(mockErrorDefaults[status]?.code);
      expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
      if (status === 503) expect(response.headers.get('retry-after')).toBe('5');
      if (status === 405) expect(response.headers.get('allow')).toBeTruthy();
    },
  );

  it('uses the seed wording for 401 and field details for 422', async () => {
    const api = createMockSenseiApi({ scenario: { error: { status: 401 } } });
    const error = async () => ((await (await get(api)).json()) as StandardErrorBody).error;
    expect((await error()).message).toBe('Invalid or missing API key');
    api.setScenario({ error: { status: 422 } });
    expect(await error()).toMatchObject({
      code: 'E7003',
      details: { field: 'name', reason: 'required' },
    });
  });

  it('takes a custom code, message, details and Retry-After', async () => {
    const api = createMockSenseiApi({
      scenario: {
        error: {
          status: 409,
          code: 'E9999',
          message: 'Busy',
          details: { state: 'locked' },
          retryAfterSeconds: 7,
        },
      },
    });
    const response = await get(api);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(((await response.json()) as StandardErrorBody).error).toMatchObject({
      code: 'E9999',
      message: 'Busy',
      details: { state: 'locked' },
    });
  });

  it('applies only to matching requests when match is given', async () => {
    const api = createMockSenseiApi({ scenario: { error: { status: 403, match: { method: 'POST' } } } });
    expect((await get(api)).status).toBe(200);
    const post = await api.fetch('/v1/migrations', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(post.status).toBe(403);
    api.setScenario({ error: undefined });
    expect(api.scenario.error).toBeUndefined();
  });

  it('rejects a status that is not an error', () => {
    const api = createMockSenseiApi();
    expect(() => api.setScenario({ error: { status: 200 } })).toThrow(RangeError);
  });
});

describe('rate limiting', () => {
  it('runs out of quota, then resets with the window', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    const api = createMockSenseiApi({ scenario: { rateLimit: { limit: 3, windowMs: 10_000 } } });

    const ok = await get(api);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('3');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(ok.headers.get('x-ratelimit-reset')).toBe(String(Date.parse('2025-01-01T00:00:10Z') / 1000));
    expect(await statuses(api, 2)).toEqual([200, 200]);

    await vi.advanceTimersByTimeAsync(4_000);
    const limited = await get(api);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const body = (await limited.json()) as StandardErrorBody;
    expectStandardError(body);
    expect(body.error.code).toBe('E4290');

    await vi.advanceTimersByTimeAsync(6_000);
    const again = await get(api);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('can leave Retry-After out so only X-RateLimit-Reset tells the wait', async () => {
    const api = createMockSenseiApi({
      scenario: { rateLimit: { limit: 0, windowMs: 1000, retryAfterSeconds: null } },
    });
    const response = await get(api);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
  });

  it('answers 20 queries, then one 429 with Retry-After: 2 (one-shot)', async () => {
    const api = createMockSenseiApi();
    expect(await statuses(api, 20)).toEqual(Array(20).fill(200));
    api.setScenario({ rateLimitOnce: { retryAfterSeconds: 2 } });
    const limited = await get(api);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await get(api)).status).toBe(200);
  });

  it('answers the next n requests with 429', async () => {
    const api = createMockSenseiApi({ scenario: { rateLimitOnce: { next: 3 } } });
    expect(await statuses(api, 5)).toEqual([429, 429, 429, 200, 200]);
  });

  it('signals with X-RateLimit-Remaining: 0 and a reset only, without a 429', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    const api = createMockSenseiApi({
      scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 30 } },
    });
    const response = await get(api);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset')).toBe(String(Date.parse('2025-01-01T00:00:30Z') / 1000));
    expect(response.headers.get('retry-after')).toBeNull();
  });
});

describe('flaky scenario', () => {
  it('follows a sequence, then lets requests through', async () => {
    const api = createMockSenseiApi({
      scenario: { flaky: { sequence: [503, 502, 200, 500], retryAfterSeconds: 3 } },
    });
    const responses = [];
    for (let i = 0; i < 6; i += 1) responses.push(await get(api));
    expect(responses.map((r) => r.status)).toEqual([503, 502, 200, 500, 200, 200]);
    expect(responses[0]?.headers.get('retry-after')).toBe('3');
    expectStandardError(await responses[1]?.json());
  });

  it('fails by probability with an injected random', async () => {
    const draws = [0.1, 0.9, 0.7, 0.3, 0.2];
    const api = createMockSenseiApi({
      random: () => draws.shift() ?? 0.99,
      scenario: { flaky: { probability: 0.5, statuses: [502, 504] } },
    });
    // 0.1 fails and 0.9 picks 504; 0.7 passes; 0.3 fails and 0.2 picks 502; 0.99 passes.
    expect(await statuses(api, 4)).toEqual([504, 200, 502, 200]);
  });

  it('restarts the sequence when set again', async () => {
    const api = createMockSenseiApi({ scenario: { flaky: { sequence: [500] } } });
    expect(await statuses(api, 2)).toEqual([500, 200]);
    api.setScenario({ flaky: { sequence: [500] } });
    expect(await statuses(api, 1)).toEqual([500]);
  });
});

describe('slow scenario', () => {
  it('delays responses by latencyMs under fake timers', async () => {
    vi.useFakeTimers();
    const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 2_000 } } });
    let settled = false;
    const pending = get(api).then((response) => {
      settled = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect((await pending).status).toBe(200);
  });

  it('ends the wait when the request is aborted', async () => {
    vi.useFakeTimers();
    const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 60_000 } } });
    const controller = new AbortController();
    const pending = api.fetch('/v1/migrations', { headers: auth, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('delays only matching requests', async () => {
    vi.useFakeTimers();
    const api = createMockSenseiApi({
      scenario: { slow: { latencyMs: 5_000, match: { pathPrefix: '/v1/migrations/' } } },
    });
    expect((await get(api)).status).toBe(200);
  });
});

describe('malformed scenario', () => {
  it('html: a proxy error page', async () => {
    const api = createMockSenseiApi({ scenario: { malformed: { kind: 'html' } } });
    const response = await get(api);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('truncated: JSON cut off', async () => {
    const api = createMockSenseiApi({ scenario: { malformed: { kind: 'truncated' } } });
    const response = await get(api);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text.startsWith('{"error":')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('empty: no body despite a JSON content type', async () => {
    const api = createMockSenseiApi({ scenario: { malformed: { kind: 'empty', status: 503 } } });
    const response = await get(api);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('');
  });

  it('array: a JSON array', async () => {
    const api = createMockSenseiApi({ scenario: { malformed: { kind: 'array', status: 200 } } });
    const response = await get(api);
    expect(response.status).toBe(200);
    expect(Array.isArray(await response.json())).toBe(true);
  });

  it('huge: a body over 10 MiB', async () => {
    const api = createMockSenseiApi({ scenario: { malformed: { kind: 'huge' } } });
    const response = await get(api);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('wrong-shape: valid JSON without the standard error', async () => {
    const api = createMockSenseiApi({ scenario: { malformed: { kind: 'wrong-shape' } } });
    const body = (await (await get(api)).json()) as Record<string, unknown>;
    expect(typeof body.error).toBe('string');
    expect(body).toMatchObject({ status: 500 });
  });
});

describe('operations scenario', () => {
  async function start(api: MockSenseiApi) {
    const response = await api.fetch('/v1/migrations', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Backfill' }),
    });
    return { response, accepted: (await response.json()) as { status_url: string } };
  }
  async function poll(api: MockSenseiApi, url: string) {
    const response = await get(api, url);
    return { response, body: (await response.json()) as Migration };
  }

  it('completes after completeAfterMs of (fake) time', async () => {
    vi.useFakeTimers();
    const api = createMockSenseiApi({ scenario: { operations: { completeAfterMs: 10_000 } } });
    const { accepted } = await start(api);
    await vi.advanceTimersByTimeAsync(2_500);
    expect((await poll(api, accepted.status_url)).body).toMatchObject({
      status: 'running',
      progress: { percent: 25 },
    });
    await vi.advanceTimersByTimeAsync(7_500);
    expect((await poll(api, accepted.status_url)).body.status).toBe('completed');
  });

  it('omits Retry-After and progress when told to', async () => {
    const api = createMockSenseiApi({ scenario: { operations: { retryAfterSeconds: null, progress: false } } });
    const { response, accepted } = await start(api);
    expect(response.headers.get('retry-after')).toBeNull();
    const { response: status, body } = await poll(api, accepted.status_url);
    expect(status.headers.get('retry-after')).toBeNull();
    expect(body.progress).toBeUndefined();
  });

  it('uses a custom Retry-After and failure error', async () => {
    const api = createMockSenseiApi({
      scenario: {
        operations: {
          retryAfterSeconds: 3,
          pollsToComplete: 2,
          outcome: 'failed',
          error: { code: 'E7100', message: 'Schema mismatch' },
        },
      },
    });
    const { response, accepted } = await start(api);
    expect(response.headers.get('retry-after')).toBe('3');
    expect((await poll(api, accepted.status_url)).response.headers.get('retry-after')).toBe('3');
    const { body } = await poll(api, accepted.status_url);
    expect(body.error).toMatchObject({ code: 'E7100', message: 'Schema mismatch' });
  });
});

describe('offline and drop', () => {
  it('offline: fetch rejects like a browser network error, and the attempt is counted', async () => {
    const api = createMockSenseiApi({ scenario: { offline: true } });
    await expect(get(api)).rejects.toThrow(new TypeError('Failed to fetch'));
    expect(api.countRequests()).toBe(1);
    const response = await api.handle(new Request('https://api.sensei.test/v1/migrations', { headers: auth }));
    expect(response.type).toBe('error');
    api.setScenario({ offline: false });
    expect((await get(api)).status).toBe(200);
  });

  it('drop: drops the next n matching requests', async () => {
    const api = createMockSenseiApi({ scenario: { drop: { next: 2, match: { method: 'GET' } } } });
    await expect(get(api)).rejects.toThrow(TypeError);
    await expect(get(api)).rejects.toThrow(TypeError);
    expect((await get(api)).status).toBe(200);
  });

  it('drop: true drops everything', async () => {
    const api = createMockSenseiApi({ scenario: { drop: true } });
    await expect(get(api)).rejects.toThrow('Failed to fetch');
    await expect(get(api)).rejects.toThrow('Failed to fetch');
  });
});

describe('combined scenarios', () => {
  it('applies rate limit before flaky before malformed before error', async () => {
    const api = createMockSenseiApi({
      scenario: {
        rateLimitOnce: { next: 1 },
        flaky: { sequence: [503] },
        malformed: { kind: 'html', match: { method: 'GET' } },
        error: { status: 409 },
      },
    });
    expect(await statuses(api, 4)).toEqual([429, 503, 502, 502]);
    api.setScenario({ malformed: undefined });
    expect(await statuses(api, 1)).toEqual([409]);
  });
});
