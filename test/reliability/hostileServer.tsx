import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { vi } from 'vitest';
import { OperationProgress } from '../../src/components/OperationProgress.js';
import { RateLimitBanner } from '../../src/components/RateLimitBanner.js';
import { SenseiErrorBoundary } from '../../src/components/SenseiErrorBoundary.js';
import { SenseiErrorPanel } from '../../src/components/SenseiErrorPanel.js';
import { SenseiToaster } from '../../src/components/SenseiToaster.js';
import { createSenseiClient, type SenseiClient } from '../../src/core/createSenseiClient.js';
import type { SenseiError } from '../../src/core/SenseiError.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { useSenseiToast } from '../../src/react/useSenseiToast.js';

export const BASE = 'https://api.sensei.test';

/** What the hostile server puts where: every server-text field of the seed's error body. */
export interface HostileFields {
  code: string;
  message: string;
  details: unknown;
  request_id: string;
}

const ascii = (text: string) => /^[\x20-\x7e]*$/.test(text);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const safe = Object.fromEntries(Object.entries(headers).filter(([, value]) => ascii(value)));
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...safe } });
}

/**
 * A server that answers with `fields` in every place the library shows server text: a 422
 * with field errors, a 503 (retried, then final), a 429 with a countdown, and an operation
 * that fails with that error body. Header values get the text too when HTTP allows it.
 */
export function createHostileFetch(fields: HostileFields) {
  const body = { error: { ...fields } };
  const calls: { url: URL; method: string; headers: Headers }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push({ url, method, headers: new Headers(init.headers) });
    const echo = { 'X-Request-Id': fields.request_id, 'X-Debug': fields.message };
    switch (`${method} ${url.pathname}`) {
      case 'GET /v1/migrations/e422':
        return json(422, body, echo);
      case 'GET /v1/migrations/e503':
        return json(503, body, echo);
      case 'GET /v1/limit':
        return json(429, body, {
          ...echo,
          'Retry-After': '30',
          'X-RateLimit-Limit': '100',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': fields.code,
        });
      case 'POST /v1/migrations':
        return json(202, { id: 'mig_hostile', status: 'pending', status_url: '/v1/migrations/mig_hostile' });
      case 'GET /v1/migrations/mig_hostile':
        return json(200, { id: 'mig_hostile', status: 'failed', progress: 40, error: { ...fields } });
      default:
        return json(404, { error: { code: 'E4040', message: 'Not found' } });
    }
  });
  return { fetch, calls };
}

/** Whatever the hooks handed out, for the tests to inspect. */
export interface Seen {
  errors: SenseiError[];
}

function Thrower({ error }: { error: SenseiError | null }) {
  if (error) throw error;
  return null;
}

function Everything({ seen }: { seen: Seen }) {
  const e422 = useSenseiQuery({ path: '/v1/migrations/e422' });
  const e503 = useSenseiQuery({ path: '/v1/migrations/e503' });
  // The same failure with no panel: the provider's rule (issue 18 §1) gives it the final error toast.
  useSenseiQuery({ path: '/v1/migrations/e503', queryKey: ['hostile', 'toast-only'] });
  const limited = useSenseiQuery({ path: '/v1/limit', retry: false });
  const operation = useAsyncOperation({ startPath: '/v1/migrations' });
  const { toast } = useSenseiToast();
  const message = e422.error?.message;
  // An app showing the server's words in its own toast.
  useEffect(() => {
    if (message !== undefined) toast({ id: 'app', title: message, description: message, variant: 'error' });
  }, [message, toast]);
  for (const error of [e422.error, e503.error, limited.error, operation.error]) {
    if (error && !seen.errors.includes(error)) seen.errors.push(error);
  }
  return (
    <main>
      <button type="button" onClick={() => operation.start({ name: 'hostile' })}>
        Start
      </button>
      <SenseiErrorPanel error={e422.error} />
      <SenseiErrorPanel error={e422.error} variant="compact" showRequestId />
      <SenseiErrorPanel error={e503.error} />
      <SenseiErrorPanel error={limited.error} variant="compact" />
      <SenseiErrorBoundary>
        <Thrower error={e422.error} />
      </SenseiErrorBoundary>
      <OperationProgress operation={operation} />
      <RateLimitBanner />
    </main>
  );
}

export interface RenderedEverything {
  client: SenseiClient;
  seen: Seen;
  calls: ReturnType<typeof createHostileFetch>['calls'];
  /** Advances fake time, letting retries, polls and countdowns run. */
  advance: (ms: number) => Promise<void>;
}

/**
 * Renders every component that shows server text against the hostile server, under fake
 * timers, and runs it until all have something to show: the panels, the boundary, the failed
 * operation, the rate-limit banner, the retry toast and the final error toast.
 */
export async function renderEverything(fields: HostileFields, apiKey: string): Promise<RenderedEverything> {
  const { fetch, calls } = createHostileFetch(fields);
  const client = createSenseiClient({ baseUrl: BASE, apiKey, fetch, shareAcrossTabs: false, rateLimitGate: false });
  const queryClient = new QueryClient();
  const seen: Seen = { errors: [] };
  const advance = async (ms: number) => {
    await act(() => vi.advanceTimersByTimeAsync(ms));
  };
  render(
    <SenseiProvider client={client} queryClient={queryClient} retry={{ retries: 1, baseDelayMs: 5_000, maxDelayMs: 5_000, random: () => 0.5 }}>
      <Everything seen={seen} />
      <SenseiToaster />
    </SenseiProvider>,
  );
  act(() => screen.getByRole('button', { name: 'Start' }).click());
  await advance(1500);
  return { client, seen, calls, advance };
}
