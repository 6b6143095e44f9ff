import { mockErrorBody } from '../../src/testing/index.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same faults, latencies and order. */
export function seededRandom(seed: number): () => number {
  // Scramble the seed first (a murmur3 finaliser), so neighbouring seeds start far apart.
  let state = Math.imul((seed ^ (seed >>> 16)) >>> 0, 0x85ebca6b);
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35);
  state = (state ^ (state >>> 16)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Fault = '500' | '502' | '503' | '504' | 'drop' | 'timeout' | '429';
const FAULTS: readonly Fault[] = ['500', '502', '503', '504', 'drop', 'timeout', '429'];

export interface ChaosRecord {
  method: string;
  path: string;
  /** The fault injected, if any. */
  fault: Fault | undefined;
  /** Whether the request reached the server (a fault may strike before or after it). */
  reachedServer: boolean;
  signal: AbortSignal | undefined;
}

export interface ChaosOptions {
  /** Share of requests that meet a fault. @default 0.3 */
  rate?: number;
  /** Latency added to every request, drawn from [0, maxLatencyMs]. @default 400 */
  maxLatencyMs?: number;
}

/**
 * Wraps a fetch (the mock API's) in a faulty network: `rate` of the requests get a 500, 502,
 * 503 or 504, a dropped connection, a hang until the client's timeout, or a 429 — before the
 * server sees them or after (the server acted, the answer was lost) — and every request gets
 * random latency. Sleeps use `setTimeout`, so fake timers drive them; aborts end them.
 */
export function createChaosFetch(inner: typeof fetch, random: () => number, options: ChaosOptions = {}) {
  const rate = options.rate ?? 0.3;
  const maxLatencyMs = options.maxLatencyMs ?? 400;
  const log: ChaosRecord[] = [];
  const counts: Record<Fault, number> = { '500': 0, '502': 0, '503': 0, '504': 0, drop: 0, timeout: 0, '429': 0 };

  const chaosFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const record: ChaosRecord = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      fault: undefined,
      reachedServer: false,
      signal: init.signal ?? undefined,
    };
    log.push(record);
    const signal = init.signal ?? undefined;
    const faulty = random() < rate;
    const fault = faulty ? FAULTS[Math.floor(random() * FAULTS.length)] : undefined;
    const afterServer = faulty && fault !== '429' && random() < 0.5;
    const latency = Math.floor(random() * maxLatencyMs);
    const retryAfter = Math.floor(random() * 4);
    record.fault = fault;
    if (fault) counts[fault] += 1;

    await sleep(latency, signal);
    if (!fault || afterServer) {
      record.reachedServer = true;
      const response = await inner(input, init);
      if (!fault) return response;
      await response.text().catch(() => ''); // the answer is lost on the way back
    }
    switch (fault) {
      case 'drop':
        throw new TypeError('Failed to fetch');
      case 'timeout':
        await sleep(Number.POSITIVE_INFINITY, signal);
        throw new TypeError('unreachable');
      case '429':
        return errorResponse(429, { 'Retry-After': String(retryAfter), 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '0' });
      default:
        return errorResponse(Number(fault), Number(fault) === 503 ? { 'Retry-After': String(retryAfter) } : {});
    }
  };
  return { fetch: chaosFetch as typeof fetch, log, counts };
}

function errorResponse(status: number, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(mockErrorBody(status, `req_chaos_${status}`)), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Waits `ms` (forever for Infinity) or until `signal` aborts, rejecting with its reason. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      if (timer !== undefined) clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
