import { describe, expect, it, vi } from 'vitest';
import { defaultErrorMessages, type ErrorCatalog, type ErrorCatalogEntry, type ErrorMessages } from '../../src/core/errorCatalog.js';
import { SenseiError, SenseiHttpError, SenseiNetworkError, SenseiResponseError } from '../../src/core/SenseiError.js';
import { kindForStatus, toErrorState } from '../../src/core/toErrorState.js';

// Pins found by mutation testing (issue 21).
describe('kindForStatus pins', () => {
  it('falls back by class exactly at the 4xx and 5xx edges', () => {
    expect([399, 400, 402, 499, 500, 501, 599, 600].map(kindForStatus)).toEqual([
      'unexpected',
      'bad-request',
      'bad-request',
      'bad-request',
      'server',
      'server',
      'server',
      'unexpected',
    ]);
  });
});

// Node environment (Stryker's core run): every case calls toErrorState as error UI does.
const NOW = 1_000_000;
const texts = defaultErrorMessages.texts;
const at = (error: unknown, catalog?: ErrorCatalog) => toErrorState(error, { now: NOW, ...(catalog ? { catalog } : {}) });
const http = (init: Partial<ConstructorParameters<typeof SenseiHttpError>[0]> & { status?: number }) =>
  new SenseiHttpError({ kind: 'http', message: 'Request failed', ...init });
const withCode = (code: string, entry: ErrorCatalogEntry, messages?: ErrorMessages): ErrorCatalog => ({
  codes: { [code]: entry },
  ...(messages ? { messages } : {}),
});

describe('toErrorState: values that are not errors', () => {
  it('treats an error whose message getter throws as unexpected instead of crashing', () => {
    const error = http({ status: 404 });
    Object.defineProperty(error, 'message', {
      get() {
        throw new Error('hostile getter');
      },
    });
    const state = at(error);
    expect(state.kind).toBe('unexpected');
    expect(state.title).toBe(texts.unexpected.title);
    expect(state.status).toBeUndefined();
  });

  it('does not read a function named AbortError as an abort', () => {
    function AbortError() {}
    expect(at(AbortError).kind).toBe('unexpected');
  });

  it('maps a SenseiError of an unknown kind to unexpected', () => {
    const state = at(new SenseiError({ kind: 'from-the-future' as SenseiError['kind'], message: 'x', status: 500 }));
    expect(state.kind).toBe('unexpected');
    expect(state.title).toBe(texts.unexpected.title);
  });
});

describe('toErrorState: offline or just no network', () => {
  const fetchFailure = () => new TypeError('Failed to fetch');

  it('says offline for a failed fetch only when the browser reports being offline', () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(at(fetchFailure())).toMatchObject({ kind: 'offline', title: texts.offline.title });
    vi.stubGlobal('navigator', { onLine: true });
    expect(at(fetchFailure())).toMatchObject({ kind: 'offline', title: texts.network.title });
  });

  it('says network for a failed fetch where there is no navigator', () => {
    vi.stubGlobal('navigator', undefined);
    expect(at(fetchFailure())).toMatchObject({ kind: 'offline', title: texts.network.title });
  });

  it('says offline for a network error the client flagged offline, or while the browser is offline', () => {
    vi.stubGlobal('navigator', { onLine: true });
    expect(at(new SenseiNetworkError({ kind: 'network', message: 'x', offline: true })).title).toBe(texts.offline.title);
    expect(at(new SenseiNetworkError({ kind: 'network', message: 'x' })).title).toBe(texts.network.title);
    vi.stubGlobal('navigator', { onLine: false });
    expect(at(new SenseiNetworkError({ kind: 'network', message: 'x' })).title).toBe(texts.offline.title);
  });
});

describe('toErrorState: responses', () => {
  it('keeps the retry time of an http error without a usable status', () => {
    const state = at(http({ status: Number.NaN, retryAfterMs: 5_000 }));
    expect(state).toMatchObject({ kind: 'unexpected', title: texts.unexpected.title, retryAt: NOW + 5_000, status: undefined });
    // The words of an unknown status are not the server's to show.
    expect(state.message).toBe(texts.unexpected.message);
    expect(state.actions.map((action) => action.type)).toContain('retry-at');
  });

  it('keeps the retry time of an unreadable body with an undocumented status', () => {
    const state = at(http({ status: 418, bodyUnreadable: true, retryAfterMs: 5_000 }));
    expect(state).toMatchObject({ kind: 'unexpected', title: texts['unreadable-response'].title, retryAt: NOW + 5_000 });
  });

  it('shows a 2xx body that is not the API shape as an unreadable response', () => {
    const state = at(new SenseiResponseError({ kind: 'invalid-response', message: 'bad body', status: 200 }));
    expect(state).toMatchObject({ kind: 'unexpected', title: texts['unreadable-response'].title });
  });

  it('shows the server message trimmed, and the default message for a blank one', () => {
    expect(at(http({ status: 409, message: '  Name taken  ' })).message).toBe('Name taken');
    expect(at(http({ status: 409, message: '   ' })).message).toBe(texts.conflict.message);
  });

  it('shows a failed operation message trimmed', () => {
    expect(at(new SenseiError({ kind: 'operation', message: '  Disk full  ' })).message).toBe('Disk full');
  });

  it('cuts a server message after 2000 characters and keeps one of exactly 2000', () => {
    expect(at(http({ status: 409, message: 'a'.repeat(2_000) })).message).toBe('a'.repeat(2_000));
    expect(at(http({ status: 409, message: 'b'.repeat(2_001) })).message).toBe(`${'b'.repeat(2_000)}…`);
  });

  it('drops a blank or non-string code and request id', () => {
    const state = at(http({ status: 409, code: '  ', requestId: '' }));
    expect(state.code).toBeUndefined();
    expect(state.requestId).toBeUndefined();
    expect(at(http({ status: 409, code: 42 as unknown as string })).code).toBeUndefined();
    expect(at(http({ status: 409, code: 'E1', requestId: 'req_1' }))).toMatchObject({ code: 'E1', requestId: 'req_1' });
  });
});

describe('toErrorState: when to retry', () => {
  it('offers no countdown for a retry time that is now or past', () => {
    for (const retryAt of [NOW, NOW - 1]) {
      const state = at(http({ status: 503, retryAt }));
      expect(state.retryAt).toBeUndefined();
      expect(state.actions.map((action) => action.type)).toContain('retry');
    }
    expect(at(http({ status: 503, retryAt: NOW + 1 })).retryAt).toBe(NOW + 1);
  });

  it('uses the rate-limit reset only for a 429', () => {
    const rateLimit = { resetAt: NOW + 30_000 };
    expect(at(http({ status: 429, rateLimit })).retryAt).toBe(NOW + 30_000);
    expect(at(http({ status: 503, rateLimit })).retryAt).toBeUndefined();
  });

  it('ignores a retry delay that is not a number', () => {
    expect(at(http({ status: 503, retryAfterMs: '5000' as unknown as number })).retryAt).toBeUndefined();
    expect(at(http({ status: 503, retryAfterMs: Number.NaN })).retryAt).toBeUndefined();
    expect(at(http({ status: 503, retryAfterMs: 5_000 })).retryAt).toBe(NOW + 5_000);
  });
});

describe('toErrorState: field errors', () => {
  const details = [{ field: 'name', reason: 'Required' }];
  const fields = (error: unknown, catalog?: ErrorCatalog) => at(error, catalog).fieldErrors;

  it('reads field errors for 400 and 422, also when a catalog entry changes the kind', () => {
    expect(fields(http({ status: 400, details }))).toEqual({ name: 'Required' });
    expect(fields(http({ status: 422, details }))).toEqual({ name: 'Required' });
    const asConflict = withCode('E1', { kind: 'conflict' });
    expect(fields(http({ status: 400, code: 'E1', details }), asConflict)).toEqual({ name: 'Required' });
    expect(fields(http({ status: 422, code: 'E1', details }), asConflict)).toEqual({ name: 'Required' });
  });

  it('reads field errors for any bad request or validation state, and for no other', () => {
    expect(fields(http({ status: 418, details }))).toEqual({ name: 'Required' });
    expect(fields(http({ status: 409, code: 'E1', details }), withCode('E1', { kind: 'validation' }))).toEqual({ name: 'Required' });
    expect(fields(http({ status: 409, details }))).toEqual({});
  });
});

describe('toErrorState: status texts of a message set', () => {
  const messages: ErrorMessages = { ...defaultErrorMessages, statuses: { 404: { title: 'Nothing here' }, 500: { title: 'Server said 500' } } };

  it('keeps the status text when a catalog entry names the kind the status already has', () => {
    expect(at(http({ status: 404, code: 'E1' }), withCode('E1', { kind: 'not-found' }, messages)).title).toBe('Nothing here');
    expect(at(http({ status: 404, code: 'E1' }), withCode('E1', { kind: 'conflict' }, messages)).title).toBe(texts.conflict.title);
  });

  it('uses status texts for http errors only', () => {
    const operation = new SenseiError({ kind: 'operation', message: 'x', status: 500 });
    expect(at(operation, { messages }).title).toBe(texts['operation-failed'].title);
  });
});

describe('toErrorState: catalog actions', () => {
  const types = (actions: ErrorCatalogEntry['actions'], init: Parameters<typeof http>[0] = {}) =>
    at(http({ status: 409, code: 'E1', ...init }), withCode('E1', { actions })).actions.map((action) =>
      action.type === 'custom' ? `custom:${action.id}` : action.type,
    );

  it('offers each labelled action once, and every custom action', () => {
    expect(
      types([
        'dismiss',
        'retry',
        'dismiss',
        'retry-at',
        { type: 'custom', id: 'a', label: 'A' },
        { type: 'custom', id: 'b', label: 'B' },
      ]),
    ).toEqual(['dismiss', 'retry', 'custom:a', 'custom:b']);
  });

  it('turns a retry-at entry into a retry with or without a countdown', () => {
    expect(types(['retry-at'])).toEqual(['retry']);
    expect(types(['retry-at'], { retryAfterMs: 5_000 })).toEqual(['retry-at']);
  });

  it('skips malformed actions and falls back to retry', () => {
    const malformed = [
      null,
      42,
      'toString',
      'no-such-action',
      { type: 'custom', id: 1, label: 'x' },
      { type: 'custom', id: 'x' },
      { type: 'custom', label: 'x' },
      { type: 'dismiss', id: 'x', label: 'x' },
    ] as unknown as ErrorCatalogEntry['actions'];
    expect(types(malformed)).toEqual(['retry']);
  });
});

describe('toErrorState: catalog message functions', () => {
  it('passes the code and the server message, none for a blank one', () => {
    const message = vi.fn(() => 'From the catalog');
    const state = at(http({ status: 409, code: 'E1', message: '   ' }), withCode('E1', { message }));
    expect(state.message).toBe('From the catalog');
    expect(message).toHaveBeenCalledWith(expect.objectContaining({ code: 'E1', serverMessage: undefined, status: 409 }));
  });

  it('falls back to the default message when the function returns no string', () => {
    const message = (() => 42) as unknown as () => string;
    expect(at(http({ status: 409, code: 'E1', message: ' ' }), withCode('E1', { message })).message).toBe(texts.conflict.message);
  });

  it('warns naming the code when the function throws, and falls back', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const message = () => {
      throw new Error('catalog bug');
    };
    expect(at(http({ status: 409, code: 'E_PINS_THROW', message: ' ' }), withCode('E_PINS_THROW', { message })).message).toBe(
      texts.conflict.message,
    );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('E_PINS_THROW');
    expect(String(warn.mock.calls[0]?.[0])).toContain('catalog bug');
  });

  it('warns once for each code whose function throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const message = () => {
      throw new Error('catalog bug');
    };
    const catalog: ErrorCatalog = { codes: { E_PINS_ONE: { message }, E_PINS_TWO: { message } } };
    for (const code of ['E_PINS_ONE', 'E_PINS_TWO', 'E_PINS_ONE']) at(http({ status: 409, code }), catalog);
    expect(warn.mock.calls.map(([text]) => String(text).includes('E_PINS_TWO'))).toEqual([false, true]);
  });
});
