import { describe, expect, it } from 'vitest';
import { redactSecret } from '../../src/core/redactSecret.js';

// Pins found by mutation testing (issue 21).
const KEY = 'sk_live_0123456789';

describe('redactSecret pins', () => {
  it('treats a secret of four characters as a key, and three as too short', () => {
    expect(redactSecret('abcd/abcd', 'abcd')).toBe('[redacted]/[redacted]');
    expect(redactSecret('abc/abc', 'abc')).toBe('abc/abc');
  });

  it('keeps a redacted error’s own fields as they were: enumerable ones enumerable, inherited getters hidden', () => {
    class Leaky extends Error {
      override get message() {
        return `getter ${KEY}`;
      }
    }
    const error = Object.assign(new Leaky(), { header: `Bearer ${KEY}`, attempt: 2 });
    const output = redactSecret(error, KEY);
    expect(output).not.toBe(error);
    expect(output).toBeInstanceOf(Leaky);
    expect(Object.keys(output).sort()).toEqual(['attempt', 'header']);
    expect(output).toMatchObject({ header: 'Bearer [redacted]', attempt: 2, message: 'getter [redacted]' });
    // The copy's fields stay writable, as an error's are.
    output.header = 'changed';
    expect(output.header).toBe('changed');
  });

  it('reads a throwing getter as nothing instead of failing', () => {
    const error = new Error(`for ${KEY}`);
    Object.defineProperty(error, 'stack', {
      get() {
        throw new Error('stack unavailable');
      },
      configurable: true,
    });
    const output = redactSecret(error, KEY);
    expect(output.message).toBe('for [redacted]');
    expect(output.stack).toBeUndefined();
  });

  it('walks arrays inside errors and errors inside arrays', () => {
    const input: [Error, { list: Error[] }] = [new Error(`a ${KEY}`), { list: [new RangeError(`b ${KEY}`)] }];
    const [first, second] = redactSecret(input, KEY);
    expect(first.message).toBe('a [redacted]');
    expect(second.list[0]).toBeInstanceOf(RangeError);
    expect(second.list[0]?.message).toBe('b [redacted]');
  });

  it('cuts a cause chain at the same depth as objects: 21 errors, then the placeholder', () => {
    let deep: Error = new Error(`root ${KEY}`);
    for (let i = 0; i < 30; i += 1) deep = new Error(`level ${i}`, { cause: deep });
    let node: unknown = redactSecret(deep, KEY);
    let errors = 0;
    while (node instanceof Error) {
      errors += 1;
      node = node.cause;
    }
    expect(errors).toBe(21);
    expect(node).toBe('[redacted: too deep]');
  });

  it('gives the copy only the fields the error had as its own, each one deletable', () => {
    const error = Object.assign(new Error(`for ${KEY}`), { header: `Bearer ${KEY}` });
    const output = redactSecret(error, KEY);
    expect(Object.getOwnPropertyNames(output).sort()).toEqual(Object.getOwnPropertyNames(error).sort());
    expect(Object.hasOwn(output, 'name')).toBe(false);
    expect(output.name).toBe('Error');
    delete (output as { header?: string }).header;
    expect('header' in output).toBe(false);
  });

  it('redacts an inherited name getter too', () => {
    class Named extends Error {
      override get name() {
        return `Named(${KEY})`;
      }
    }
    expect(redactSecret(new Named('x'), KEY).name).toBe('Named([redacted])');
  });
});
