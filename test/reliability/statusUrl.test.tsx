import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import fc from 'fast-check';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { isSenseiError, SenseiRequestError } from '../../src/core/SenseiError.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { FUZZ_API_KEY } from './arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './reliabilityConfig.js';

const BASE = 'https://api.sensei.test';
const ORIGIN = new URL(BASE).origin;
const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

/** `status_url`s that point the key somewhere else, one way or another. */
const FOREIGN: readonly string[] = [
  'https://evil.example/v1/migrations/mig_1',
  'HTTPS://EVIL.EXAMPLE/v1/migrations/mig_1',
  '//evil.example/v1/migrations/mig_1',
  '///evil.example/v1/migrations/mig_1',
  '/\\evil.example/v1/migrations/mig_1',
  '\\\\evil.example/v1/migrations/mig_1',
  '\\/evil.example/v1/migrations/mig_1',
  'https:\\\\evil.example/v1/migrations/mig_1',
  'https://api.sensei.test@evil.example/v1/migrations/mig_1',
  'https://api.sensei.test:secret@evil.example/',
  'https://api.sensei.test.evil.example/v1/migrations/mig_1',
  'https://api.sensei.test%2F@evil.example/',
  'http://api.sensei.test/v1/migrations/mig_1',
  'https://api.sensei.test:8443/v1/migrations/mig_1',
  'https://\u0430pi.sensei.test/v1/migrations/mig_1', // Cyrillic а
  ' https://evil.example/v1',
  '\thttps://evil.example/v1',
  '\u0000https://evil.example/v1',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'data:application/json,{"id":"mig_1","status":"completed"}',
  'data:text/html,<script>alert(1)</script>',
  'blob:https://api.sensei.test/6f1c2b1e',
  'ws://api.sensei.test/v1/migrations/mig_1',
  'file:///etc/passwd',
  'ftp://evil.example/',
];

/**
 * Request paths, the hook's `statusUrl` and `getOperation` resolve alike: leading blanks and
 * control characters are trimmed as the URL parser trims them, so each of these is refused.
 */

const operationBody = JSON.stringify({ id: 'mig_1', status: 'running', status_url: '/v1/migrations/mig_1' });

/** A fetch that answers everything, recording where each request went and with which key. */
function recordingFetch(statusUrl?: string) {
  const calls: { url: URL; authorization: string | null }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: new URL(String(input)), authorization: new Headers(init.headers).get('authorization') });
    const body = init.method === 'POST' ? JSON.stringify({ id: 'mig_1', status: 'pending', status_url: statusUrl }) : operationBody;
    return new Response(body, { status: init.method === 'POST' ? 202 : 200, headers: { 'Content-Type': 'application/json' } });
  });
  return { fetch, calls, foreign: () => calls.filter((call) => call.url.origin !== ORIGIN) };
}

function clientWith(fetch: typeof globalThis.fetch) {
  return createSenseiClient({ baseUrl: BASE, apiKey: FUZZ_API_KEY, fetch, shareAcrossTabs: false });
}

describe('a status_url on another origin is refused, and the key goes nowhere', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(FOREIGN)('client.getOperation(%j) fails with a typed error before any request', async (statusUrl) => {
    const net = recordingFetch();
    const error = await clientWith(net.fetch).getOperation(statusUrl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect((error as SenseiRequestError).kind).toBe('invalid-request');
    expect((error as SenseiRequestError).message).not.toContain(FUZZ_API_KEY);
    expect(net.calls).toHaveLength(0);
  });

  it.each(FOREIGN)('a 202 answering status_url %j: the operation fails as a client bug, nothing is polled', async (statusUrl) => {
    const net = recordingFetch(statusUrl);
    const client = clientWith(net.fetch);
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <SenseiProvider client={client} queryClient={queryClient}>
        {children}
      </SenseiProvider>
    );
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper });
    act(() => result.current.start({ name: 'x' }));
    await flush(60_000);
    expect(net.foreign()).toHaveLength(0);
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.kind).toBe('invalid-request');
    expect(net.calls.map((call) => `${call.url.origin}${call.url.pathname}`)).toEqual([`${ORIGIN}/v1/migrations`]);
  });

  it.each(FOREIGN)('attaching to status_url %j fails at once, with no request at all', async (statusUrl) => {
    const net = recordingFetch();
    const client = clientWith(net.fetch);
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <SenseiProvider client={client} queryClient={queryClient}>
        {children}
      </SenseiProvider>
    );
    const { result } = renderHook(() => useAsyncOperation({ statusUrl }), { wrapper });
    await flush(60_000);
    expect(net.foreign()).toHaveLength(0);
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.kind).toBe('invalid-request');
    expect(net.calls).toHaveLength(0);
  });

  it.each(FOREIGN)('client.get(%j) never leaves the base origin', async (path) => {
    const net = recordingFetch();
    const error = await clientWith(net.fetch).get(path).catch((e: unknown) => e);
    expect(net.foreign()).toHaveLength(0);
    // Leading spaces and controls are trimmed as the URL parser does, so these are refused too.
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect(net.calls).toHaveLength(0);
  });
});

/** URLs and near-URLs: real ones, tricks glued onto them, and noise. */
const urlLike = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(
    fc.constantFrom('', '/', '//', '/\\', '\\\\', '\\/', 'https:', 'https:/', 'https://', 'http://', 'HTTPS://', 'javascript:', 'data:', ' ', '\t', `${BASE}@`, `${BASE}:x@`, `${BASE}.`),
    fc.oneof(fc.domain(), fc.constantFrom('evil.example', 'api.sensei.test', 'api.sensei.test.evil.example', '127.0.0.1', '[::1]')),
    fc.constantFrom('', '/', '/v1/migrations/mig_1', ':8443/v1', '?x=1', '#frag', '\\v1'),
  ).map(([prefix, host, suffix]) => `${prefix}${host}${suffix}`),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('fuzz: server-given URLs', () => {
  it(
    `every request goes to the base origin with the key, or none is sent and the error is typed (${FUZZ_RUNS.statusUrls} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(urlLike, fc.boolean(), async (target, asPath) => {
          const net = recordingFetch();
          const client = clientWith(net.fetch);
          let failure: unknown;
          try {
            await (asPath ? client.get(target) : client.getOperation(target));
          } catch (error) {
            failure = error;
          }
          expect(net.foreign()).toHaveLength(0);
          if (net.calls.length === 0) {
            expect(isSenseiError(failure)).toBe(true);
            expect((failure as SenseiRequestError).kind).toBe('invalid-request');
          } else {
            expect(net.calls).toHaveLength(1);
            expect(net.calls[0]!.url.protocol).toBe('https:');
            expect(net.calls[0]!.authorization).toBe(`Bearer ${FUZZ_API_KEY}`);
          }
        }),
        fuzzParams(FUZZ_RUNS.statusUrls),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
