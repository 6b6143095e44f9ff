// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isDevelopment } from '../../src/core/dev.js';

describe('isDevelopment without a process global', () => {
  it('counts a runtime with no process and no bundler as development', () => {
    const saved = globalThis.process;
    let result: boolean;
    try {
      // @ts-expect-error -- a browser without a bundler has no `process`
      globalThis.process = undefined;
      result = isDevelopment();
    } finally {
      globalThis.process = saved;
    }
    expect(result).toBe(true);
  });
});
