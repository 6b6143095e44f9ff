import { vi } from 'vitest';

/** One request as the fake `fetch` received it. */
export interface FakeCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

export type Responder = (call: FakeCall) => Response | Promise<Response>;

/**
 * A `fetch` that records every call and answers with `responder`. Like the real one, it rejects
 * with the signal's reason when the signal is (or becomes) aborted before it answers.
 */
export function createFakeFetch(responder: Responder = () => json({})) {
  const calls: FakeCall[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: FakeCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const { signal } = call;
    if (signal?.aborted) throw signal.reason;
    if (!signal) return responder(call);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve()
        .then(() => responder(call))
        .then(
          (response) => {
            signal.removeEventListener('abort', onAbort);
            resolve(response);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
    });
  });
  return { fetch: fetchFn as unknown as typeof fetch, fetchMock: fetchFn, calls };
}

/** A responder that never answers (only an abort ends it). */
export const never: Responder = () => new Promise<Response>(() => {});

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers });
}

/** The standard Sensei error body of the seed. */
export function errorBody(status: number, overrides: Record<string, unknown> = {}) {
  return {
    error: {
      code: `E${status}`,
      message: `Message for ${status}`,
      details: { field: 'name', reason: 'required', status },
      request_id: `req_${status}`,
      ...overrides,
    },
  };
}

/** The rejection of `promise`; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/** Tracks whether a promise has settled, without awaiting it (for fake-timer tests). */
export function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown; rejected: boolean } = { settled: false, rejected: false };
  const done = promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.rejected = true;
      state.error = error;
    },
  );
  return Object.assign(state, { done });
}

/** Every text through which an error can be shown or logged, its `cause` chain included. */
export function everyTextOf(error: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    out.push(String(current));
    try {
      out.push(JSON.stringify(current) ?? '');
    } catch {
      // circular: String() above still covers it
    }
    if (typeof current === 'object') {
      const record = current as { message?: unknown; stack?: unknown; details?: unknown; cause?: unknown };
      out.push(String(record.message), String(record.stack));
      try {
        out.push(JSON.stringify(record.details) ?? '');
      } catch {
        // ignore
      }
      current = record.cause;
    } else {
      current = undefined;
    }
  }
  return out;
}
