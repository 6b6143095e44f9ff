import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient, senseiQueries, SenseiHttpError, type SenseiClientOptions } from '../../src/core/index.js';
import type { SenseiEvent } from '../../src/core/SenseiEventStream.js';
import { createFakeFetch, errorBody, json, type Responder } from './fakeFetch.js';

const KEY = 'sk_test_events_987654';
const START = Date.UTC(2026, 0, 15, 12, 0, 0);
let origin = 0;

function setup(responder: Responder, options: Partial<SenseiClientOptions> = {}) {
  const fake = createFakeFetch(responder);
  origin += 1;
  const client = createSenseiClient({ baseUrl: `https://events${origin}.example.com`, apiKey: KEY, fetch: fake.fetch, shareAcrossTabs: false, ...options });
  const events: SenseiEvent[] = [];
  client.events.subscribe((event) => events.push(event));
  return { client, events, ...fake };
}

/** An event as a line: type, request id, and what matters for it; times relative to START. */
function describeEvent(event: SenseiEvent): string {
  const t = `+${event.at - START}`;
  switch (event.type) {
    case 'held':
      return `${t} held #${event.request.id} ${event.reason} until +${event.until === undefined ? '?' : event.until - START}`;
    case 'answered':
      return `${t} answered #${event.request.id} ${event.status} ${event.requestId ?? '-'} in ${event.durationMs} ms`;
    case 'failed':
      return `${t} failed #${event.request.id} ${event.error.status ?? event.error.kind}`;
    case 'retried':
      return `${t} retried attempt ${event.attempt} in ${event.delayMs} ms (${event.reason})`;
    default:
      return `${t} ${event.type} #${event.request.id}`;
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('client.events', () => {
  it('tells a 429 then a success in order: sent, answered 429, failed, retried after Retry-After, sent again, answered 200', async () => {
    let calls = 0;
    const { client, events } = setup(() => {
      calls += 1;
      return calls === 1
        ? json(errorBody(429), 429, { 'Retry-After': '2', 'X-Request-Id': 'req_429' })
        : json({ id: 'mig_1' }, 200, { 'X-Request-Id': 'req_ok' });
    });
    const queryClient = new QueryClient();
    const result = queryClient.fetchQuery(senseiQueries(client).resource({ path: '/v1/migrations/mig_1' }));

    await vi.advanceTimersByTimeAsync(0);
    expect(events.map(describeEvent)).toEqual([
      '+0 sent #1',
      '+0 answered #1 429 req_429 in 0 ms',
      '+0 failed #1 429',
      '+0 retried attempt 2 in 2000 ms (429)',
    ]);
    // Nothing more until the server's time.
    await vi.advanceTimersByTimeAsync(1999);
    expect(events).toHaveLength(4);

    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ id: 'mig_1' });
    // The gate opened this very millisecond: the retry queues behind its stagger, and is the first out.
    expect(events.map(describeEvent).slice(4)).toEqual([
      '+2000 held #2 budget until +?',
      '+2000 released #2',
      '+2000 sent #2',
      '+2000 answered #2 200 req_ok in 0 ms',
    ]);
    const failed = events[2] as Extract<SenseiEvent, { type: 'failed' }>;
    expect(failed.error).toBeInstanceOf(SenseiHttpError);
    expect(failed.error.requestId).toBe('req_429');
    expect(events[0]).toMatchObject({ request: { method: 'GET', url: `https://events${origin}.example.com/v1/migrations/mig_1` } });
    queryClient.clear();
  });

  it('tells a request held at the closed gate until the reset, then released and sent', async () => {
    let calls = 0;
    const { client, events, calls: sent } = setup(() => {
      calls += 1;
      return calls === 1 ? json(errorBody(429), 429, { 'Retry-After': '3' }) : json({ ok: true });
    });
    await expect(client.get('/v1/a')).rejects.toBeInstanceOf(SenseiHttpError);
    await vi.advanceTimersByTimeAsync(500);
    const second = client.get('/v1/b');
    await vi.advanceTimersByTimeAsync(0);
    expect(events.map(describeEvent).slice(3)).toEqual(['+500 held #2 rate-limit until +3000']);
    expect(sent).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(2500);
    await expect(second).resolves.toEqual({ ok: true });
    expect(events.map(describeEvent).slice(3)).toEqual([
      '+500 held #2 rate-limit until +3000',
      '+3000 released #2',
      '+3000 sent #2',
      '+3000 answered #2 200 - in 0 ms',
    ]);
  });

  it('reports a request that got no answer as failed, with how long it was out', async () => {
    const { client, events } = setup(async () => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      throw new TypeError('Failed to fetch');
    });
    const done = client.get('/v1/x').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(250);
    await done;
    expect(events.map(describeEvent)).toEqual(['+0 sent #1', '+250 failed #1 network']);
    expect(events[1]).toMatchObject({ durationMs: 250 });
  });

  it('carries no API key: events are safe to forward to an error tracker', async () => {
    const { client, events } = setup(() => json(errorBody(401, { message: `bad key ${KEY}` }), 401, { 'X-Request-Id': 'req_401' }));
    await client.get('/v1/x').catch(() => {});
    const forwarded = events.map((event) => JSON.stringify({ ...event, headers: undefined, error: event.type === 'failed' ? event.error.toJSON?.() ?? String(event.error) : undefined }));
    expect(forwarded.join('\n')).not.toContain(KEY);
    expect(events.find((event) => event.type === 'answered')).toMatchObject({ requestId: 'req_401' });
  });

  it('stops calling a listener once unsubscribed, and a throwing listener breaks neither the request nor other listeners', async () => {
    const { client } = setup(() => json({ ok: true }));
    const thrown: unknown[] = [];
    const onUncaught = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onUncaught);
    const boom = new Error('listener bug');
    client.events.subscribe(() => {
      throw boom;
    });
    const heard: string[] = [];
    const unsubscribe = client.events.subscribe((event) => heard.push(event.type));
    try {
      await expect(client.get('/v1/x')).resolves.toEqual({ ok: true });
      expect(heard).toEqual(['sent', 'answered']);
      unsubscribe();
      await client.get('/v1/y');
      expect(heard).toEqual(['sent', 'answered']);
      await vi.advanceTimersByTimeAsync(0);
      // Reported like an EventTarget listener's error, once per event it threw on.
      expect(thrown).toEqual([boom, boom, boom, boom]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
