import { describe, expect, it, vi } from 'vitest';
import { onePer } from '../../src/core/onePer.js';

describe('onePer', () => {
  it('makes the value once per key and hands the same one back', () => {
    const create = vi.fn((key: object) => ({ of: key }));
    const get = onePer(create);
    const a = {};
    const b = {};
    const first = get(a);
    expect(get(a)).toBe(first);
    expect(get(b)).not.toBe(first);
    expect(create.mock.calls).toEqual([[a], [b]]);
  });
});
