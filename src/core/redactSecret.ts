const REDACTED = '[redacted]';
/** What stands in for a value deeper than the walk goes: dropped, since it cannot be checked. */
const TOO_DEEP = '[redacted: too deep]';
/** How many levels below the value are walked; deeper objects become {@link TOO_DEEP}. */
const MAX_DEPTH = 20;

/**
 * Replaces every occurrence of `secret` in strings inside `value` (deeply, without mutating it).
 * Servers and proxies sometimes echo the credential they rejected; it must not reach the UI.
 * Objects nested deeper than 20 levels are replaced by a placeholder rather than passed through.
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret || secret.length < 4) return value;
  return redact(value, secret, 0) as T;
}

function redact(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === 'string') return value.split(secret).join(REDACTED);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => redact(item, secret, depth + 1));
  if (value instanceof Error) return redactError(value, secret, depth);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redact(key, secret, depth + 1) as string] = redact(item, secret, depth + 1);
  return out;
}

/** Keeps an error an error (class, stack, cause chain) so a redacted `cause` stays useful. */
function redactError(error: Error, secret: string, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object | null) as Error;
  let changed = false;
  // Getters, own or inherited (a class's `get message()`), would hand out the key on every read:
  // what they read now is kept, redacted.
  for (const key of new Set([...Reflect.ownKeys(error), 'name', 'message', 'stack'])) {
    const own = Object.getOwnPropertyDescriptor(error, key);
    const value: unknown = own && 'value' in own ? own.value : readSafely(error, key);
    const next = redact(value, secret, depth + 1);
    if (next !== value) changed = true;
    if (own || next !== value) Object.defineProperty(copy, key, { value: next, enumerable: own?.enumerable ?? false, configurable: true, writable: true });
  }
  return changed ? copy : error;
}

function readSafely(target: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(target, key) as unknown;
  // Stryker disable next-line BlockStatement: an empty catch also gives undefined; the return says it on purpose
  } catch {
    return undefined; // A throwing getter shows nothing, rather than breaking the error it belongs to.
  }
}
