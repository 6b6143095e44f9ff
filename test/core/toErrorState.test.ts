// @vitest-environment jsdom
// (Browser globals: document, navigator or a relative base URL; the rest of test/core runs in Node.)
import { describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { defaultErrorMessages, mergeErrorCatalogs, type ErrorCatalog, type ErrorMessages } from '../../src/core/errorCatalog.js';
import {
  SenseiAbortError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiTimeoutError,
} from '../../src/core/SenseiError.js';
import { operationError } from '../../src/core/operationStatus.js';
import { isRetryable } from '../../src/core/retryPolicy.js';
import { getStatusInfo } from '../../src/core/statusCodes.js';
import { toErrorState, type ErrorActionType, type ErrorStateKind } from '../../src/core/toErrorState.js';
import { createFakeFetch, errorBody, json, rejectionOf, text, type Responder } from './fakeFetch.js';

const API_KEY = 'sk_live_toErrorState_9d8c7b';

/** The error a real client produces for `responder`: what toErrorState meets in an app. */
async function clientError(responder: Responder, options: { timeoutMs?: number } = {}): Promise<unknown> {
  const { fetch } = createFakeFetch(responder);
  const client = createSenseiClient({
    baseUrl: 'https://api.sensei.test',
    apiKey: API_KEY,
    fetch,
    rateLimitGate: false,
    shareAcrossTabs: false,
    ...options,
  } as Parameters<typeof createSenseiClient>[0]);
  return rejectionOf(client.get('/v1/migrations'));
}

const seedRows: [status: number, kind: ErrorStateKind, actions: ErrorActionType[]][] = [
  [400, 'bad-request', ['dismiss', 'contact-support']],
  [401, 'unauthenticated', ['sign-in']],
  [403, 'forbidden', ['go-back', 'contact-support']],
  [404, 'not-found', ['go-back']],
  [405, 'client-bug', ['go-back', 'contact-support']],
  [409, 'conflict', ['refresh-and-retry']],
  [413, 'payload-too-large', ['dismiss']],
  [415, 'client-bug', ['go-back', 'contact-support']],
  [422, 'validation', ['dismiss']],
  [429, 'rate-limited', ['retry']],
  [500, 'server', ['retry', 'contact-support']],
  [502, 'gateway', ['retry', 'contact-support']],
  [503, 'unavailable', ['retry']],
  [504, 'gateway', ['retry', 'contact-support']],
];

describe('toErrorState: the seed statuses', () => {
  it.each(seedRows)('%i maps to %s with its actions, the seed solution and the server text', async (status, kind, actions) => {
    // A 429 without timing headers makes the client warn (CORS may hide them): expected here.
    const warn = status === 429 ? vi.spyOn(console, 'warn').mockImplementation(() => {}) : undefined;
    const error = await clientError(() => json(errorBody(status), status));
    if (warn) expect(warn).toHaveBeenCalledWith(expect.stringContaining('429'));
    const state = toErrorState(error);
    expect(state.kind).toBe(kind);
    expect(state.actions.map((a) => a.type)).toEqual(actions);
    expect(state.solution).toBe(getStatusInfo(status)?.hint);
    expect(state.message).toBe(`Message for ${status}`);
    expect(state.title).toBe(defaultErrorMessages.texts[kind].title);
    expect(state.status).toBe(status);
    expect(state.code).toBe(`E${status}`);
    expect(state.requestId).toBe(`req_${status}`);
    expect(state.retryable).toBe(actions.includes('retry'));
    expect(state.retryAt).toBeUndefined();
  });

  it('gives contact-support the request id', async () => {
    const state = toErrorState(await clientError(() => json(errorBody(500), 500)));
    expect(state.actions).toContainEqual({ type: 'contact-support', label: 'Contact support', requestId: 'req_500' });
  });

  it('uses a default message when the standard body has no message', async () => {
    const state = toErrorState(await clientError(() => json({ error: { code: 'E5030', request_id: 'req_1' } }, 503)));
    expect(state.kind).toBe('unavailable');
    expect(state.message).toBe(defaultErrorMessages.texts.unavailable.message);
    expect(state.code).toBe('E5030');
  });

  it('offers retry-at with the Retry-After time for a 429', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const state = toErrorState(await clientError(() => json(errorBody(429), 429, { 'Retry-After': '42' })));
    expect(state.kind).toBe('rate-limited');
    expect(state.retryAt).toBe(1_700_000_042_000);
    expect(state.actions).toEqual([{ type: 'retry-at', label: 'Retry', at: 1_700_000_042_000 }]);
    expect(state.retryable).toBe(true);
  });

  it('takes the reset header when a 429 has no Retry-After', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const headers = { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(1_700_000_060) };
    const state = toErrorState(await clientError(() => json(errorBody(429), 429, headers)));
    expect(state.retryAt).toBe(1_700_000_060_000);
    expect(state.actions[0]).toMatchObject({ type: 'retry-at', at: 1_700_000_060_000 });
  });

  it('honours Retry-After on a 503, and drops it once the time has passed', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const error = await clientError(() => json(errorBody(503), 503, { 'Retry-After': '5' }));
    expect(toErrorState(error).actions).toEqual([{ type: 'retry-at', label: 'Retry', at: 1_700_000_005_000 }]);
    const later = toErrorState(error, { now: 1_700_000_006_000 });
    expect(later.actions).toEqual([{ type: 'retry', label: 'Retry' }]);
    expect(later.retryAt).toBeUndefined();
  });

  it('reads field errors from a 422 body (the seed example)', async () => {
    const body = {
      error: {
        code: 'E7003',
        message: "Invalid request: missing required field 'name'",
        details: { field: 'name', reason: 'required' },
        request_id: 'req_abc123def456',
      },
    };
    const state = toErrorState(await clientError(() => json(body, 422)));
    expect(state.kind).toBe('validation');
    expect(state.fieldErrors).toEqual({ name: 'required' });
    expect(state.message).toBe("Invalid request: missing required field 'name'");
  });

  it('has no field errors outside 400/422', async () => {
    const state = toErrorState(await clientError(() => json(errorBody(409), 409)));
    expect(state.fieldErrors).toEqual({});
  });

  it.each([
    [418, 'bad-request'],
    [451, 'bad-request'],
    [501, 'server'],
    [507, 'server'],
  ] as const)('falls back by class for the undocumented %i', async (status, kind) => {
    const state = toErrorState(await clientError(() => json(errorBody(status), status)));
    expect(state.kind).toBe(kind);
    expect(state.solution).toBe(defaultErrorMessages.texts[kind].solution);
    expect(state.actions.length).toBeGreaterThan(0);
  });

  it('never shows the API key the server echoed', async () => {
    const state = toErrorState(await clientError(() => json(errorBody(401, { message: `Invalid key ${API_KEY}` }), 401)));
    expect(JSON.stringify(state)).not.toContain(API_KEY);
  });
});

describe('toErrorState: unreadable bodies and non-HTTP failures', () => {
  it('keeps the gateway kind for an HTML 502 from a proxy, with the request id and a retry', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const state = toErrorState(await clientError(() => text(html, 502, { 'X-Request-Id': 'req_proxy' })));
    expect(state.kind).toBe('gateway');
    expect(state.status).toBe(502);
    expect(state.requestId).toBe('req_proxy');
    expect(state.message).not.toContain('<html>');
    expect(state.actions.map((a) => a.type)).toEqual(['retry', 'contact-support']);
  });

  it('maps an unreadable body of a status the API does not document to unexpected', async () => {
    const state = toErrorState(await clientError(() => text('<html>oops</html>', 520, { 'X-Request-Id': 'req_520' })));
    expect(state.kind).toBe('unexpected');
    expect(state.title).toBe(defaultErrorMessages.texts['unreadable-response'].title);
    expect(state.requestId).toBe('req_520');
    expect(state.actions.map((a) => a.type)).toEqual(['retry', 'contact-support']);
  });

  const NGINX_413 =
    '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';

  it("keeps nginx's HTML 413 as payload too large, with no retry", async () => {
    const error = await clientError(() => text(NGINX_413, 413, { 'Content-Type': 'text/html' }));
    expect(isRetryable(error)).toBe(false);
    const state = toErrorState(error);
    expect(state).toMatchObject({ kind: 'payload-too-large', retryable: false, status: 413 });
    expect(state.actions.map((a) => a.type)).toEqual(['dismiss']);
    expect(state.title).toBe(defaultErrorMessages.statuses?.[413]?.title ?? defaultErrorMessages.texts['payload-too-large'].title);
  });

  it.each(seedRows)('an unreadable %i body keeps the state of its status (%s), and shows people no diagnostic', async (status, kind, actions) => {
    const headers: Record<string, string> = status === 429 ? { 'Retry-After': '1' } : {};
    const unreadable = await clientError(() => text('<html><body>proxy page</body></html>', status, { 'Content-Type': 'text/html', ...headers }));
    const readable = toErrorState(await clientError(() => json({ error: {} }, status, headers)));
    const state = toErrorState(unreadable);
    expect(state.kind).toBe(kind);
    expect(state.actions.map((a) => a.type)).toEqual(actions.map((a) => (a === 'retry' && status === 429 ? 'retry-at' : a)));
    expect({ title: state.title, message: state.message, solution: state.solution }).toEqual({
      title: readable.title,
      message: readable.message,
      solution: readable.solution,
    });
    expect(`${state.title} ${state.message} ${state.solution}`).not.toMatch(/response body|Sensei error|<html/);
    // The diagnostic is kept for developers, in the error and its JSON.
    expect((unreadable as SenseiHttpError).diagnostic).toMatch(/the response body was not a Sensei error/);
    expect((unreadable as SenseiHttpError).toJSON().diagnostic).toBe((unreadable as SenseiHttpError).diagnostic);
    expect((unreadable as SenseiHttpError).message).not.toMatch(/response body/);
  });

  it('keeps an unreadable 503 unavailable and times its retry by Retry-After', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const state = toErrorState(await clientError(() => text('', 503, { 'Retry-After': '30' })));
    expect(state.kind).toBe('unavailable');
    expect(state.actions[0]).toMatchObject({ type: 'retry-at', at: 1_700_000_030_000 });
  });

  it('maps a failed async operation to a server state with its own message and request id', () => {
    const error = operationError({
      id: 'mig_1',
      status: 'failed',
      error: { code: 'E5000', message: 'Upstream connection lost', request_id: 'req_op' },
    });
    const state = toErrorState(error);
    expect(state.kind).toBe('server');
    expect(state.title).toBe(defaultErrorMessages.texts['operation-failed'].title);
    expect(state.message).toBe('Upstream connection lost');
    expect(state.code).toBe('E5000');
    expect(state.requestId).toBe('req_op');
  });

  it('maps a 2xx body that is not JSON to unexpected', async () => {
    const state = toErrorState(await clientError(() => text('<html>', 200, { 'X-Request-Id': 'req_ok' })));
    expect(state.kind).toBe('unexpected');
    expect(state.requestId).toBe('req_ok');
  });

  it('maps no response to offline with the "cannot reach" text while the browser is online', async () => {
    const state = toErrorState(
      await clientError(() => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(state.kind).toBe('offline');
    expect(state.title).toBe(defaultErrorMessages.texts.network.title);
    expect(state.actions.map((a) => a.type)).toEqual(['retry']);
    expect(state.retryable).toBe(true);
  });

  it('uses the offline text when the browser is offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const state = toErrorState(new SenseiNetworkError({ kind: 'network', message: 'x', offline: true }));
    expect(state.kind).toBe('offline');
    expect(state.title).toBe(defaultErrorMessages.texts.offline.title);
  });

  it('maps the client timeout to timeout', async () => {
    vi.useFakeTimers();
    const pending = clientError(() => new Promise<Response>(() => {}), { timeoutMs: 50 });
    await vi.advanceTimersByTimeAsync(60);
    const state = toErrorState(await pending);
    expect(state.kind).toBe('timeout');
    expect(state.actions.map((a) => a.type)).toEqual(['retry']);
    expect(toErrorState(new SenseiTimeoutError({ kind: 'timeout', message: 'x', timeoutMs: 1 })).kind).toBe('timeout');
  });

  it('maps an abort to aborted (error UI shows nothing for it)', () => {
    expect(toErrorState(new SenseiAbortError({ kind: 'aborted', message: 'x' })).kind).toBe('aborted');
    expect(toErrorState(new DOMException('The user aborted a request.', 'AbortError')).kind).toBe('aborted');
    expect(toErrorState(Object.assign(new Error('cancelled'), { name: 'CancelledError' })).kind).toBe('aborted');
  });

  it('maps a request refused before sending to client-bug', () => {
    const state = toErrorState(new SenseiRequestError({ kind: 'invalid-request', message: 'status_url on another origin' }));
    expect(state.kind).toBe('client-bug');
    expect(state.message).toBe(defaultErrorMessages.texts['client-bug'].message);
  });

  it('maps fetch failures and timeouts from outside the client', () => {
    expect(toErrorState(new TypeError('NetworkError when attempting to fetch resource.')).kind).toBe('offline');
    expect(toErrorState(new DOMException('signal timed out', 'TimeoutError')).kind).toBe('timeout');
    // A TypeError from a bug is not a network failure.
    expect(toErrorState(new TypeError("Cannot read properties of undefined (reading 'id')")).kind).toBe('unexpected');
  });
});

describe('toErrorState: unknown values', () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
    },
  );
  it.each([
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a plain Error', new Error('x is not a function')],
    ['an empty object', {}],
    ['an object with odd fields', { status: 'teapot', code: 7, message: { nested: true } }],
    ['a throwing proxy', throwing],
    ['a revoked proxy', revoked.proxy],
    ['a symbol', Symbol('s')],
  ])('maps %s to unexpected, with a title and a retry', (_name, value) => {
    const state = toErrorState(value);
    expect(state.kind).toBe('unexpected');
    expect(state.title).toBe(defaultErrorMessages.texts.unexpected.title);
    expect(state.message).toBe(defaultErrorMessages.texts.unexpected.message);
    expect(state.actions.map((a) => a.type)).toEqual(['retry', 'contact-support']);
    expect(state.fieldErrors).toEqual({});
  });

  it('does not show a developer message to people', () => {
    expect(toErrorState(new Error('SELECT * FROM users failed')).message).not.toContain('SELECT');
  });

  it('survives a hand-made SenseiError with nonsense timing', () => {
    const error = new SenseiHttpError({ kind: 'http', message: 'x', status: 429, retryAfterMs: Number.POSITIVE_INFINITY });
    const state = toErrorState(error, { now: 0 });
    expect(Number.isFinite(state.retryAt)).toBe(true);
    expect(state.retryAt).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
  });
});

describe('toErrorState: catalog', () => {
  const httpError = (status: number, code: string, message = 'Server says no') =>
    new SenseiHttpError({ kind: 'http', message, status, code, requestId: 'req_cat', details: { field: 'plan', reason: 'too small' } });

  it('overrides kind, title, message, solution and actions per code', () => {
    const catalog: ErrorCatalog = {
      codes: {
        E9001: {
          kind: 'forbidden',
          title: 'Upgrade needed',
          message: 'Your plan does not include migrations.',
          solution: 'Upgrade your plan',
          actions: [{ type: 'custom', id: 'upgrade', label: 'Upgrade plan' }, 'go-back'],
        },
      },
    };
    const state = toErrorState(httpError(400, 'E9001'), { catalog });
    expect(state).toMatchObject({
      kind: 'forbidden',
      title: 'Upgrade needed',
      message: 'Your plan does not include migrations.',
      solution: 'Upgrade your plan',
      code: 'E9001',
      requestId: 'req_cat',
    });
    expect(state.actions).toEqual([
      { type: 'custom', id: 'upgrade', label: 'Upgrade plan' },
      { type: 'go-back', label: 'Go back' },
    ]);
    expect(state.retryable).toBe(false);
  });

  it('takes what an entry leaves out from the status', () => {
    const state = toErrorState(httpError(409, 'E4091'), { catalog: { codes: { E4091: { title: 'Already running' } } } });
    expect(state).toMatchObject({ kind: 'conflict', title: 'Already running', message: 'Server says no', solution: 'Refresh and retry' });
    expect(state.actions.map((a) => a.type)).toEqual(['refresh-and-retry']);
  });

  it('uses the kind text when an entry changes the kind', () => {
    const state = toErrorState(httpError(500, 'E5999'), { catalog: { codes: { E5999: { kind: 'unavailable' } } } });
    expect(state.kind).toBe('unavailable');
    expect(state.title).toBe(defaultErrorMessages.texts.unavailable.title);
    expect(state.solution).toBe(defaultErrorMessages.texts.unavailable.solution);
  });

  it('builds a message from the error with a function entry', () => {
    const catalog: ErrorCatalog = {
      codes: { E7003: { message: ({ details }) => `Missing: ${(details as { field: string }).field}` } },
    };
    expect(toErrorState(httpError(422, 'E7003'), { catalog }).message).toBe('Missing: plan');
  });

  it('falls back when a message function throws, and says so in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const catalog: ErrorCatalog = {
      codes: {
        E_THROWS: {
          message: () => {
            throw new Error('bug');
          },
        },
      },
    };
    expect(toErrorState(httpError(500, 'E_THROWS'), { catalog }).message).toBe('Server says no');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('E_THROWS'));
  });

  it('turns a requested retry into retry-at when the server named a time', () => {
    const error = new SenseiHttpError({ kind: 'http', message: 'x', status: 400, code: 'E_BUSY', retryAfterMs: 10_000 });
    const state = toErrorState(error, { now: 1000, catalog: { codes: { E_BUSY: { actions: ['retry'] } } } });
    expect(state.actions).toEqual([{ type: 'retry-at', label: 'Retry', at: 11_000 }]);
  });

  it('falls back to the status for unknown codes, including prototype names', () => {
    const catalog: ErrorCatalog = { codes: { E1: { title: 'One' } } };
    for (const code of ['E2', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const state = toErrorState(httpError(404, code), { catalog });
      expect(state.kind).toBe('not-found');
      expect(state.title).toBe(defaultErrorMessages.texts['not-found'].title);
    }
  });

  it('never leaves a state without an action', () => {
    const state = toErrorState(httpError(404, 'E_NONE'), { catalog: { codes: { E_NONE: { actions: [] } } } });
    expect(state.actions).toEqual([{ type: 'retry', label: 'Retry' }]);
  });

  it('replaces the whole message set for another language', () => {
    const texts = Object.fromEntries(
      Object.keys(defaultErrorMessages.texts).map((key) => [key, { title: `T:${key}`, message: `M:${key}`, solution: `S:${key}` }]),
    ) as unknown as ErrorMessages['texts'];
    const french: ErrorMessages = {
      texts,
      actions: {
        retry: 'Réessayer',
        'retry-at': 'Réessayer',
        'refresh-and-retry': 'Actualiser et réessayer',
        'sign-in': 'Se connecter',
        'go-back': 'Retour',
        'contact-support': 'Contacter le support',
        dismiss: 'Fermer',
      },
    };
    const catalog: ErrorCatalog = { messages: french, showServerMessage: false };
    const state = toErrorState(httpError(503, 'E5030'), { catalog });
    expect(state).toMatchObject({ title: 'T:unavailable', message: 'M:unavailable', solution: 'S:unavailable' });
    expect(state.actions).toEqual([{ type: 'retry', label: 'Réessayer' }]);
    // No English left: status solutions belong to the default set only.
    expect(toErrorState(httpError(405, 'E4050'), { catalog }).solution).toBe('S:client-bug');
    // With server messages on, the server text still wins.
    expect(toErrorState(httpError(503, 'E5030'), { catalog: { messages: french } }).message).toBe('Server says no');
  });

  it('merges catalogs, later ones winning', () => {
    const merged = mergeErrorCatalogs(
      { codes: { A: { title: 'a' }, B: { title: 'b' } } },
      undefined,
      { codes: { B: { title: 'B2' } }, showServerMessage: false },
    );
    expect(merged.codes).toEqual({ A: { title: 'a' }, B: { title: 'B2' } });
    expect(merged.showServerMessage).toBe(false);
  });
});
