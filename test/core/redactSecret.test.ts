import { describe, expect, it } from 'vitest';
import { redactSecret } from '../../src/core/index.js';

const KEY = 'sk_live_0123456789';

describe('redactSecret', () => {
  it('replaces every occurrence in a string', () => {
    expect(redactSecret(`Bearer ${KEY} rejected (${KEY})`, KEY)).toBe('Bearer [redacted] rejected ([redacted])');
  });

  it('redacts deeply, keys included, without mutating the input', () => {
    const input = { message: `bad ${KEY}`, details: { list: [KEY, 1, null, { [KEY]: true }] }, ok: 'fine' };
    const snapshot = structuredClone(input);
    const output = redactSecret(input, KEY);
    expect(output).toEqual({ message: 'bad [redacted]', details: { list: ['[redacted]', 1, null, { '[redacted]': true }] }, ok: 'fine' });
    expect(input).toEqual(snapshot);
    expect(JSON.stringify(output)).not.toContain(KEY);
  });

  it('leaves values alone when there is no secret, or one too short to be a key', () => {
    const input = { message: 'abc abc' };
    expect(redactSecret(input, undefined)).toBe(input);
    expect(redactSecret(input, '')).toBe(input);
    expect(redactSecret(input, 'abc')).toBe(input);
  });

  it('keeps an error an error, with its class and cause chain, and removes the key from them', () => {
    const root = new Error(`socket closed for ${KEY}`);
    const error = new TypeError(`Invalid header value "Bearer ${KEY}"`, { cause: root });
    const output = redactSecret(error, KEY);
    expect(output).toBeInstanceOf(TypeError);
    expect(output.message).toBe('Invalid header value "Bearer [redacted]"');
    expect(output.stack).not.toContain(KEY);
    expect(String(output)).toBe('TypeError: Invalid header value "Bearer [redacted]"');
    expect(output.cause).toBeInstanceOf(Error);
    expect((output.cause as Error).message).toBe('socket closed for [redacted]');
    expect(error.message).toContain(KEY);
  });

  it('returns an error without the key unchanged (same object)', () => {
    const error = new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
    expect(redactSecret(error, KEY)).toBe(error);
  });

  it('stops at a very deep structure instead of overflowing the stack, and lets no key through', () => {
    let deep: unknown = KEY;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    let output: unknown;
    expect(() => (output = redactSecret(deep, KEY))).not.toThrow();
    expect(JSON.stringify(output)).not.toContain(KEY);
  });

  /** `{ a: { a: … { secret: KEY } } }` with the object holding the key at `depth`. */
  const nested = (depth: number): unknown => {
    let value: unknown = { secret: `echo ${KEY}`, [KEY]: 1 };
    for (let i = 0; i < depth; i += 1) value = { a: value };
    return value;
  };
  const at = (value: unknown, depth: number): unknown => {
    let current = value;
    for (let i = 0; i < depth; i += 1) current = (current as { a: unknown }).a;
    return current;
  };

  it('walks 20 levels deep and replaces what lies deeper by a placeholder, never passing it through', () => {
    // The limit is pinned: depth 20 is walked, depth 21 is dropped.
    expect(at(redactSecret(nested(20), KEY), 20)).toEqual({ secret: 'echo [redacted]', '[redacted]': 1 });
    expect(at(redactSecret(nested(21), KEY), 21)).toBe('[redacted: too deep]');
    for (const depth of [19, 20, 21, 22, 25, 50, 500]) {
      const output = redactSecret(nested(depth), KEY);
      expect(JSON.stringify(output), `depth ${depth}`).not.toContain(KEY);
      expect(JSON.stringify(output)).not.toContain('sk_live');
    }
  });

  it('redacts every member of very wide objects and arrays', () => {
    const wide = Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? `${i}:${KEY}` : i));
    const record = Object.fromEntries(wide.map((value, i) => [`k${i}`, value]));
    const output = redactSecret({ wide, record }, KEY);
    expect(JSON.stringify(output)).not.toContain(KEY);
    expect(output.wide[49_994]).toBe('49994:[redacted]');
    expect(output.record.k49994).toBe('49994:[redacted]');
  });

  it('redacts an error nested deeper than the limit, and an error whose message is a getter', () => {
    let deep: Error = new Error(`root ${KEY}`);
    for (let i = 0; i < 30; i += 1) deep = new Error(`level ${i}`, { cause: deep });
    let cause: unknown = redactSecret(deep, KEY);
    for (let i = 0; i < 40 && cause instanceof Error; i += 1) {
      expect(cause.message).not.toContain(KEY);
      cause = cause.cause;
    }
    expect(String(cause)).not.toContain(KEY);

    class Leaky extends Error {
      override get message() {
        return `getter ${KEY}`;
      }
    }
    const leaky = redactSecret(new Leaky(), KEY);
    expect(leaky.message).toBe('getter [redacted]');
    expect(String(leaky)).not.toContain(KEY);
  });
});
