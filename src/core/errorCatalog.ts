import { SENSEI_STATUS_CODES, getStatusInfo } from './statusCodes.js';
import type { ErrorActionType, ErrorStateKind } from './toErrorState.js';

/** The words of one error state, for people. */
export interface ErrorText {
  /** A short heading, e.g. `Service unavailable`. */
  title: string;
  /** One or two sentences saying what happened; used when the server sent no message. */
  message: string;
  /** What to do about it: the seed's "Solution" column for documented statuses. */
  solution: string;
}

/**
 * Which text of a message set a state uses: one per kind, plus two variants that share a kind
 * (`network` is an `offline` state while the browser reports being online; `unreadable-response`
 * is an `unexpected` state for a response whose body could not be read; `operation-failed` is a
 * `server` state for an async operation that ended in failure).
 */
export type ErrorTextKey = ErrorStateKind | 'network' | 'unreadable-response' | 'operation-failed';

/** Action types that the library labels; `custom` actions bring their own label. */
export type LabelledActionType = Exclude<ErrorActionType, 'custom'>;

/**
 * Every word the error layer shows, as one replaceable set: give another language by passing a
 * complete set as `catalog.messages` (TypeScript checks that nothing is missing, so no English
 * leaks into a translated UI).
 */
export interface ErrorMessages {
  /** Text per kind and variant. */
  texts: Readonly<Record<ErrorTextKey, ErrorText>>;
  /**
   * Per-status refinements, applied while a state has the kind its status maps to (not when a
   * catalog entry changed the kind), also when the body was unreadable.
   * @default the seed's solution for every documented 4xx/5xx status
   */
  statuses?: Readonly<Partial<Record<number, Partial<ErrorText>>>>;
  /** Button labels. */
  actions: Readonly<Record<LabelledActionType, string>>;
}

/** What a catalog entry's `message` function may read. All of it is server text: treat as text. */
export interface ErrorCatalogContext {
  status: number | undefined;
  code: string;
  /** The server's `message`, when the body had one. */
  serverMessage: string | undefined;
  details: unknown;
  requestId: string | undefined;
}

/** An action a catalog entry asks for; the library fills in labels, times and request ids. */
export type ErrorCatalogAction = LabelledActionType | { type: 'custom'; id: string; label: string };

/** Overrides for one Sensei error code. Every field is optional; what is left out comes from the status. */
export interface ErrorCatalogEntry {
  /** The UI state to use instead of the one the status maps to. */
  kind?: ErrorStateKind;
  title?: string;
  /** Replaces the server's message and the default one. */
  message?: string | ((context: ErrorCatalogContext) => string);
  solution?: string;
  /**
   * The actions to offer, in order. `retry` becomes a `retry-at` with a countdown when the
   * server said when to come back.
   */
  actions?: readonly ErrorCatalogAction[];
}

/**
 * How an app adapts error states: overrides per Sensei error `code`, and the words. The library
 * ships no codes (the API's list is not part of its contract); unknown codes fall back to the
 * status.
 *
 * @example
 * const catalog: ErrorCatalog = {
 *   codes: {
 *     E7003: { title: 'Name required', message: 'Give the migration a name.', actions: ['dismiss'] },
 *     E9001: { kind: 'forbidden', actions: [{ type: 'custom', id: 'upgrade', label: 'Upgrade plan' }] },
 *   },
 * };
 * <SenseiProvider client={client} errorCatalog={catalog}>…</SenseiProvider>
 */
export interface ErrorCatalog {
  /** Entries by Sensei error code, such as `E7003`. */
  codes?: Readonly<Record<string, ErrorCatalogEntry>>;
  /**
   * The whole message set, e.g. another language.
   * @default defaultErrorMessages (English)
   */
  messages?: ErrorMessages;
  /**
   * Show the server's `message` when the body has one. Turn off with a translated message set,
   * since the server speaks English.
   * @default true
   */
  showServerMessage?: boolean;
}

// Stryker disable next-line StringLiteral: only called below with documented statuses, each of which has a hint (statusCodes.test.ts pins them), so the fallback is never read
const solution = (status: number): string => getStatusInfo(status)?.hint ?? '';
const text = (title: string, message: string, solution: string): ErrorText => ({ title, message, solution });

/** The English message set. Solutions for statuses come from the seed's table (`statusCodes.ts`). */
export const defaultErrorMessages: ErrorMessages = Object.freeze({
  texts: Object.freeze({
    'bad-request': text(
      'Request not accepted',
      'The request could not be processed.',
      solution(400),
    ),
    unauthenticated: text(
      'Sign-in required',
      'The API key is invalid or missing.',
      solution(401),
    ),
    forbidden: text(
      'Access denied',
      'You do not have permission to do this. Ask an administrator for access.',
      solution(403),
    ),
    'not-found': text(
      'Not found',
      'What you are looking for does not exist or was deleted.',
      solution(404),
    ),
    'client-bug': text(
      'Request not supported',
      'The app sent a request that the Sensei API does not support. This is a bug in the app.',
      'Check the request method and Content-Type',
    ),
    conflict: text(
      'Changed in the meantime',
      'This was changed by someone or something else. Refresh to get the latest version, then try again.',
      solution(409),
    ),
    'payload-too-large': text(
      'Too large',
      'What you sent is too large for the Sensei API.',
      solution(413),
    ),
    validation: text(
      'Check your input',
      'Some values are not valid.',
      solution(422),
    ),
    'rate-limited': text(
      'Too many requests',
      'The request limit has been reached. Wait a moment before trying again.',
      solution(429),
    ),
    server: text(
      'Something went wrong',
      'The Sensei API ran into an unexpected error.',
      solution(500),
    ),
    unavailable: text(
      'Service unavailable',
      'The Sensei API is down for maintenance or overloaded. Try again shortly.',
      solution(503),
    ),
    gateway: text(
      'Sensei is not responding',
      'A server between you and the Sensei API failed.',
      solution(502),
    ),
    timeout: text(
      'Request timed out',
      'The Sensei API took too long to respond.',
      'Retry',
    ),
    offline: text(
      'You are offline',
      'Your device is not connected to the internet.',
      'Check your connection, then retry',
    ),
    network: text(
      'Cannot reach Sensei',
      'The Sensei API could not be reached.',
      'Check your connection, then retry',
    ),
    unexpected: text(
      'Something unexpected happened',
      'An unexpected error occurred.',
      solution(500),
    ),
    'unreadable-response': text(
      'Unexpected response',
      'The Sensei API sent a response that could not be read.',
      solution(500),
    ),
    'operation-failed': text(
      'The operation failed',
      'The Sensei API reported that the operation failed.',
      'Check the details, then start it again; quote the request ID to support',
    ),
    aborted: text(
      'Request cancelled',
      'The request was cancelled.',
      'Retry',
    ),
  }),
  statuses: Object.freeze(
    Object.fromEntries(
      SENSEI_STATUS_CODES.filter((row) => row.category !== 'success').map((row) => [row.status, { solution: row.hint }]),
    ),
  ),
  actions: Object.freeze({
    retry: 'Retry',
    'retry-at': 'Retry',
    'refresh-and-retry': 'Refresh and retry',
    'sign-in': 'Sign in',
    'go-back': 'Go back',
    'contact-support': 'Contact support',
    dismiss: 'Dismiss',
  }),
});

/**
 * The entry for `code`, if the catalog has one. Only own properties count: a server-sent code
 * such as `__proto__` or `constructor` must not reach into `Object.prototype`.
 */
export function getErrorCatalogEntry(catalog: ErrorCatalog | undefined, code: string | undefined): ErrorCatalogEntry | undefined {
  const codes = catalog?.codes;
  if (!codes || code === undefined || !Object.hasOwn(codes, code)) return undefined;
  const entry = codes[code];
  return typeof entry === 'object' && entry !== null ? entry : undefined;
}

/**
 * Combines catalogs, later ones winning: codes are merged (an entry replaces the earlier entry
 * for its code), `messages` and `showServerMessage` are replaced when given.
 */
export function mergeErrorCatalogs(...catalogs: readonly (ErrorCatalog | undefined)[]): ErrorCatalog {
  const merged: { codes: Record<string, ErrorCatalogEntry>; messages?: ErrorMessages; showServerMessage?: boolean } = {
    codes: {},
  };
  for (const catalog of catalogs) {
    if (!catalog) continue;
    Object.assign(merged.codes, catalog.codes);
    if (catalog.messages) merged.messages = catalog.messages;
    if (catalog.showServerMessage !== undefined) merged.showServerMessage = catalog.showServerMessage;
  }
  return merged;
}
