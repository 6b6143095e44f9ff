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

  it('stops at a very deep structure instead of overflowing the stack', () => {
    let deep: unknown = KEY;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(() => redactSecret(deep, KEY)).not.toThrow();
  });
});
