const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of `secret` in strings inside `value` (deeply, without mutating it).
 * Servers and proxies sometimes echo the credential they rejected; it must not reach the UI.
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret || secret.length < 4) return value;
  return redact(value, secret, 0) as T;
}

function redact(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === 'string') return value.split(secret).join(REDACTED);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
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
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor) continue;
    if ('value' in descriptor) {
      const next = redact(descriptor.value, secret, depth + 1);
      if (next !== descriptor.value) changed = true;
      descriptor.value = next;
    }
    Object.defineProperty(copy, key, descriptor);
  }
  return changed ? copy : error;
}
