import { isSenseiError } from './SenseiError.js';

/** Messages by field name (dot paths for nested fields), ready for a form library. */
export type FieldErrorMap = Record<string, string>;

// Hostile or huge `details` must not produce a huge UI.
const MAX_FIELDS = 100;
const MAX_MESSAGE_CHARS = 500;
const MAX_DEPTH = 4;

const FIELD_KEYS = ['field', 'path', 'parameter', 'param', 'loc', 'name'] as const;
const MESSAGE_KEYS = ['message', 'reason', 'msg', 'detail'] as const;

/**
 * Field errors from a 400/422 error's `details`, as `{ [field]: message }`.
 *
 * Pass a `SenseiError` (only 400 and 422 yield fields) or a `details` value. Understands
 * `{ field, reason }` (the seed's example) and `{ field, message }`, `{ fields: {...} }`,
 * `{ errors: [...] }`, arrays of `{ field, message }` and `{ name: ['msg'] }`. Several messages
 * for one field are joined with `; `. Anything else yields `{}`, never an exception.
 *
 * @example
 * // react-hook-form
 * for (const [name, message] of Object.entries(getFieldErrors(error))) {
 *   setError(name as keyof FormValues, { type: 'server', message });
 * }
 */
export function getFieldErrors(source: unknown): FieldErrorMap {
  let details = source;
  if (isSenseiError(source)) {
    if (source.status !== 400 && source.status !== 422) return {};
    details = source.details;
  }
  const out: FieldErrorMap = {};
  try {
    collect(details, out, false, 0);
  } catch {
    // A getter that throws or a proxy: no field errors rather than a crash in error UI.
    return {};
  }
  return out;
}

function collect(value: unknown, out: FieldErrorMap, container: boolean, depth: number): void {
  if (depth > MAX_DEPTH || !isObject(value)) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_FIELDS)) {
      if (!addEntry(item, out)) collect(item, out, true, depth + 1);
    }
    return;
  }
  if (addEntry(value, out)) return;
  // Explicit containers first: their keys are field names, whatever the values look like.
  for (const key of ['fields', 'errors'] as const) {
    if (Object.hasOwn(value, key) && isObject(value[key])) {
      collect(value[key], out, true, depth + 1);
      return;
    }
  }
  // A malformed `{ field, reason }` is not a map of field names.
  if (!container && ['field', 'reason', 'message'].some((key) => Object.hasOwn(value, key))) return;
  for (const [field, item] of Object.entries(value).slice(0, MAX_FIELDS)) {
    // At the top level only `{ name: ['msg'] }` counts: `{ max_bytes: 1048576 }` is no field error.
    const message = messageOf(item, container);
    if (message !== undefined) add(out, field, message);
  }
}

/** Reads `{ field, message }`-like items; true when `item` was one. */
function addEntry(item: unknown, out: FieldErrorMap): boolean {
  if (!isObject(item) || Array.isArray(item)) return false;
  const field = firstOwn(item, FIELD_KEYS, fieldName);
  const message = firstOwn(item, MESSAGE_KEYS, text);
  if (field === undefined || message === undefined) return false;
  add(out, field, message);
  return true;
}

function messageOf(item: unknown, container: boolean): string | undefined {
  if (Array.isArray(item)) {
    const messages = item.map((entry) => (container ? messageOf(entry, true) : text(entry))).filter((m) => m !== undefined);
    return messages.length > 0 ? messages.join('; ') : undefined;
  }
  if (!container) return undefined;
  return isObject(item) ? firstOwn(item, MESSAGE_KEYS, text) : text(item);
}

/** The first of `keys` that `record` has as its own property with a value `read` accepts, as read. */
function firstOwn(
  record: Record<string, unknown>,
  keys: readonly string[],
  read: (value: unknown) => string | undefined,
): string | undefined {
  for (const key of keys) {
    const value = Object.hasOwn(record, key) ? read(record[key]) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

function fieldName(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.filter((part) => typeof part === 'string' || typeof part === 'number');
    return parts.length > 0 && parts.length === value.length ? parts.join('.') : undefined;
  }
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.length > MAX_MESSAGE_CHARS ? `${value.slice(0, MAX_MESSAGE_CHARS)}…` : value;
}

function add(out: FieldErrorMap, field: string, message: string): void {
  // `__proto__` would replace the result's prototype instead of adding a field.
  // Stryker disable next-line ConditionalExpression,StringLiteral: assigning a string to `__proto__` is a no-op today; the guard keeps it so if a message ever is not a string
  if (field === '__proto__') return;
  if (Object.hasOwn(out, field)) {
    out[field] = `${out[field]}; ${message}`;
  } else if (Object.keys(out).length < MAX_FIELDS) {
    out[field] = message;
  }
}
