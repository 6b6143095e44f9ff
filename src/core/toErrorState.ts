import { warnOnce } from './dev.js';
import {
  defaultErrorMessages,
  getErrorCatalogEntry,
  type ErrorCatalog,
  type ErrorCatalogAction,
  type ErrorCatalogEntry,
  type ErrorMessages,
  type ErrorText,
  type ErrorTextKey,
} from './errorCatalog.js';
import { getFieldErrors, type FieldErrorMap } from './getFieldErrors.js';
import { isNetworkError } from './isNetworkError.js';
import { MAX_SERVER_DELAY_MS, clampDelay } from './parseRetryAfter.js';
import { isSenseiError, type SenseiError } from './SenseiError.js';
import { describeStatus } from './statusCodes.js';
import { timers } from './timers.js';

/** The UI state an error maps to (DESIGN.md's status table). */
export type ErrorStateKind =
  | 'bad-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'client-bug'
  | 'conflict'
  | 'payload-too-large'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'unavailable'
  | 'gateway'
  | 'timeout'
  | 'offline'
  | 'unexpected'
  /** The app cancelled the request itself (unmount, navigation): usually shown as nothing. */
  | 'aborted';

/** A way out of an error, tagged by `type`; `label` is the button text from the message set. */
export type ErrorAction =
  | { type: 'retry'; label: string }
  /** Retry becomes possible at `at` (epoch ms): show a countdown until then. */
  | { type: 'retry-at'; label: string; at: number }
  | { type: 'refresh-and-retry'; label: string }
  | { type: 'sign-in'; label: string }
  | { type: 'go-back'; label: string }
  | { type: 'contact-support'; label: string; requestId: string | undefined }
  | { type: 'dismiss'; label: string }
  /** An app-defined action from the catalog. */
  | { type: 'custom'; label: string; id: string };

export type ErrorActionType = ErrorAction['type'];

/** Everything error UI needs to show a failure and its way out. */
export interface ErrorState {
  kind: ErrorStateKind;
  /** A short heading. */
  title: string;
  /** For people: the server's message when the body is the standard one, otherwise a default. */
  message: string;
  /** What to do: the seed's "Solution" text for documented statuses. */
  solution: string;
  /** The ways out, most useful first; never empty. */
  actions: readonly ErrorAction[];
  /** Whether repeating the same request may succeed (a `retry` or `retry-at` action is offered). */
  retryable: boolean;
  /** When retrying becomes possible (epoch ms), if the server said so and that is still ahead. */
  retryAt: number | undefined;
  /** The HTTP status, when the server answered. */
  status: number | undefined;
  /** The Sensei error code, such as `E7003`. */
  code: string | undefined;
  /** Quote it to support. */
  requestId: string | undefined;
  /** Field errors from a 400/422 body's `details`; `{}` when there are none. */
  fieldErrors: Readonly<FieldErrorMap>;
}

export interface ToErrorStateOptions {
  /**
   * Per-code overrides and the message set.
   * @default no overrides, English messages
   */
  catalog?: ErrorCatalog | undefined;
  /**
   * The current time in epoch ms, to decide whether a `Retry-After` is still ahead.
   * @default timers.now()
   */
  now?: number | undefined;
}

const MAX_MESSAGE_CHARS = 2_000;

type BasicAction = Exclude<ErrorActionType, 'custom' | 'retry-at'>;

const RETRY: readonly BasicAction[] = ['retry'];
const RETRY_OR_SUPPORT: readonly BasicAction[] = ['retry', 'contact-support'];
const GO_BACK_OR_SUPPORT: readonly BasicAction[] = ['go-back', 'contact-support'];
const DISMISS: readonly BasicAction[] = ['dismiss'];

/** The default ways out per kind. `retry` turns into `retry-at` when the server named a time. */
const DEFAULT_ACTIONS: Readonly<Record<ErrorStateKind, readonly BasicAction[]>> = {
  'bad-request': ['dismiss', 'contact-support'],
  unauthenticated: ['sign-in'],
  forbidden: GO_BACK_OR_SUPPORT,
  'not-found': ['go-back'],
  'client-bug': GO_BACK_OR_SUPPORT,
  conflict: ['refresh-and-retry'],
  'payload-too-large': DISMISS,
  validation: DISMISS,
  'rate-limited': RETRY,
  server: RETRY_OR_SUPPORT,
  unavailable: RETRY,
  gateway: RETRY_OR_SUPPORT,
  timeout: RETRY,
  offline: RETRY,
  unexpected: RETRY_OR_SUPPORT,
  aborted: RETRY,
};

/** What the thrown value says, before the catalog and the message set apply. */
interface Classified {
  kind: ErrorStateKind;
  textKey: ErrorTextKey;
  /** Whether `statuses[status]` texts fit this state. */
  statusTexts: boolean;
  status?: number | undefined;
  code?: string | undefined;
  requestId?: string | undefined;
  details?: unknown;
  serverMessage?: string | undefined;
  retryAt?: number | undefined;
}

/** The kinds of the statuses DESIGN.md's table names. */
const KIND_BY_STATUS: Readonly<Record<number, ErrorStateKind>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'client-bug',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'client-bug',
  422: 'validation',
  429: 'rate-limited',
  500: 'server',
  502: 'gateway',
  503: 'unavailable',
  504: 'gateway',
};

/** The kind for an HTTP status; undocumented statuses fall back by class. */
export function kindForStatus(status: number): ErrorStateKind {
  // Numeric keys only: no status reaches `Object.prototype`'s members.
  return (
    KIND_BY_STATUS[status] ??
    (status >= 400 && status <= 499 ? 'bad-request' : status >= 500 && status <= 599 ? 'server' : 'unexpected')
  );
}

/**
 * Turns any thrown value into the state error UI shows: kind, words, ways out, timing, request
 * id and field errors. Never throws.
 *
 * - A `SenseiError` maps by its status (DESIGN.md's table): 400 bad request … 503 unavailable;
 *   undocumented 4xx/5xx fall back by class. A body that was not the standard shape keeps the
 *   state of a documented status (nginx's HTML 413 is still "payload too large") and makes an
 *   undocumented one `unexpected`; its diagnostic is never shown.
 * - No response is `offline` (with the "network" text while the browser says it is online),
 *   the client timeout `timeout`, an abort `aborted` — error UI renders nothing for an abort,
 *   since the app cancelled the request itself.
 * - Anything else (a plain `Error`, a string, `undefined`, an odd object) is `unexpected`; its
 *   message is not shown, since it is written for developers.
 *
 * A catalog entry for the error's `code` overrides kind, title, message, solution and actions.
 */
export function toErrorState(error: unknown, options: ToErrorStateOptions = {}): ErrorState {
  const now = options.now ?? timers.now();
  const { catalog } = options;
  const messages = catalog?.messages ?? defaultErrorMessages;
  const base = classify(error, now);
  const { status, code, requestId } = base;
  const entry = getErrorCatalogEntry(catalog, code);
  const kind = entry?.kind ?? base.kind;
  const overridden = entry?.kind !== undefined && entry.kind !== base.kind;
  const textKey: ErrorTextKey = overridden ? kind : base.textKey;
  const text: ErrorText = messages.texts[textKey] ?? defaultErrorMessages.texts[textKey];
  const statusText = !overridden && base.statusTexts && status !== undefined ? messages.statuses?.[status] : undefined;
  const showServerMessage = catalog?.showServerMessage ?? true;

  const retryAt = base.retryAt !== undefined && base.retryAt > now ? base.retryAt : undefined;
  const actions = buildActions(entry?.actions ?? DEFAULT_ACTIONS[kind], messages.actions, retryAt, requestId);

  const fieldErrors =
    kind === 'validation' || kind === 'bad-request' || status === 400 || status === 422 ? getFieldErrors(base.details) : {};

  return {
    kind,
    title: entry?.title || statusText?.title || text.title,
    message:
      catalogMessage(entry, base) ||
      (showServerMessage ? base.serverMessage : undefined) ||
      statusText?.message ||
      text.message,
    solution: entry?.solution || statusText?.solution || text.solution,
    actions,
    retryable: actions.some((action) => action.type === 'retry' || action.type === 'retry-at'),
    retryAt,
    status,
    code,
    requestId,
    fieldErrors,
  };
}

function classify(error: unknown, now: number): Classified {
  try {
    return classifyUnsafe(error, now);
  } catch {
    // A proxy or a throwing getter: still a state, never a crash in error UI.
    return plain('unexpected');
  }
}

function classifyUnsafe(error: unknown, now: number): Classified {
  if (isSenseiError(error)) return classifySenseiError(error, now);
  if (error !== null && typeof error === 'object') {
    const name = readString(error, 'name');
    // DOM aborts, `AbortSignal.timeout()` and TanStack's CancelledError from a cancelled query.
    if (name === 'AbortError' || name === 'CancelledError') return plain('aborted');
    if (name === 'TimeoutError') return plain('timeout');
    // A failed `fetch` outside our client: the same test as the client's.
    if (isNetworkError(error)) {
      return plain('offline', browserOffline() ? 'offline' : 'network');
    }
  }
  return plain('unexpected');
}

function classifySenseiError(error: SenseiError, now: number): Classified {
  const status = finiteOrUndefined(error.status);
  const common = { status, code: nonEmpty(error.code), requestId: nonEmpty(error.requestId), details: error.details };
  const state = (kind: ErrorStateKind, textKey: ErrorTextKey = kind, extra?: Partial<Classified>) =>
    plain(kind, textKey, { ...common, ...extra });
  switch (error.kind) {
    case 'http': {
      const retryAt = retryAtOf(error, now);
      if (status === undefined) return state('unexpected', 'unexpected', { retryAt });
      // Proxies answer with their own HTML (nginx's 413, a gateway's 502): a status the API
      // documents still says what happened. Only an undocumented one is an unexpected response.
      if (error.bodyUnreadable && !Object.hasOwn(KIND_BY_STATUS, status)) return state('unexpected', 'unreadable-response', { retryAt });
      const kind = kindForStatus(status);
      // Without a readable body, or with the status label as message, nothing is the server's to show.
      const message = error.message.trim();
      return state(kind, kind, {
        statusTexts: true,
        serverMessage: error.bodyUnreadable || message === describeStatus(status) ? undefined : serverText(message),
        retryAt,
      });
    }
    case 'network':
      return state('offline', (error as { offline?: unknown }).offline === true || browserOffline() ? 'offline' : 'network');
    case 'timeout':
    case 'aborted':
      return state(error.kind);
    case 'invalid-response':
      return state('unexpected', 'unreadable-response');
    case 'operation':
      return state('server', 'operation-failed', { serverMessage: serverText(error.message.trim()) });
    case 'invalid-request':
      // Refused before sending (foreign status_url, no key): the app's bug, not the user's.
      return state('client-bug');
    default:
      return state('unexpected');
  }
}

/** When the server said to come back: `Retry-After`, else (for a 429) the reset, as epoch ms. */
function retryAtOf(error: SenseiError, now: number): number | undefined {
  const info = error.rateLimit;
  const at = [error.retryAt, info?.retryAt, error.status === 429 ? info?.resetAt : undefined].find(Number.isFinite);
  if (at !== undefined) return Math.min(at, now + MAX_SERVER_DELAY_MS);
  // Errors built by hand may only carry the delay.
  const delay = error.retryAfterMs;
  return typeof delay === 'number' && !Number.isNaN(delay) ? now + clampDelay(delay) : undefined;
}

function buildActions(
  wanted: readonly (ErrorCatalogAction | BasicAction)[],
  labels: ErrorMessages['actions'],
  retryAt: number | undefined,
  requestId: string | undefined,
): ErrorAction[] {
  const actions: ErrorAction[] = [];
  for (const item of wanted) {
    let action: ErrorAction | undefined;
    if (typeof item === 'object' && item !== null) {
      if (item.type === 'custom' && typeof item.id === 'string' && typeof item.label === 'string') {
        action = { type: 'custom', id: item.id, label: item.label };
      }
    } else if (item === 'retry' || item === 'retry-at') {
      action =
        retryAt !== undefined
          ? { type: 'retry-at', label: labels['retry-at'], at: retryAt }
          : { type: 'retry', label: labels.retry };
    } else if (item === 'contact-support') {
      action = { type: 'contact-support', label: labels['contact-support'], requestId };
    } else if (typeof item === 'string' && Object.hasOwn(labels, item)) {
      action = { type: item, label: labels[item] } as ErrorAction;
    }
    if (action && !actions.some((existing) => existing.type === action.type && existing.type !== 'custom')) {
      actions.push(action);
    }
  }
  // Every state offers a way out; an entry with no usable action gets the default retry.
  if (actions.length === 0) actions.push({ type: 'retry', label: labels.retry });
  return actions;
}

function catalogMessage(entry: ErrorCatalogEntry | undefined, base: Classified): string | undefined {
  const message = entry?.message;
  if (typeof message === 'string') return message;
  if (typeof message !== 'function') return undefined;
  try {
    const result = message({
      status: base.status,
      // Stryker disable next-line StringLiteral: an entry is only found by its code, so `code` is always set here
      code: base.code ?? '',
      serverMessage: base.serverMessage,
      details: base.details,
      requestId: base.requestId,
    });
    return typeof result === 'string' ? result : undefined;
  } catch (cause) {
    // Error UI must not crash on its own catalog: fall back to the default text.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: the guard is for bundlers to drop the call; warnOnce checks the environment itself
    if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production')
      warnOnce(`catalog-message:${base.code}`, `The error catalog's message function for code "${base.code}" threw: ${String(cause)}`);
    return undefined;
  }
}

function plain(kind: ErrorStateKind, textKey: ErrorTextKey = kind, extra?: Partial<Classified>): Classified {
  return { kind, textKey, statusTexts: false, ...extra };
}

function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function readString(value: object, key: string): string | undefined {
  try {
    const field = (value as Record<string, unknown>)[key];
    // Stryker disable next-line ConditionalExpression: callers compare the result with strings only
    return typeof field === 'string' ? field : undefined;
  } catch {
    return undefined;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function finiteOrUndefined(value: unknown): number | undefined {
  return Number.isFinite(value) ? (value as number) : undefined;
}

/** A server message as shown: none when empty, cut to `MAX_MESSAGE_CHARS`. */
function serverText(message: string): string | undefined {
  if (message === '') return undefined;
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}
