import { afterEach, beforeEach, vi } from 'vitest';

// A console error or warning that a test did not expect is a bug: fail the test.
// Tests that expect one spy on console themselves (`vi.spyOn(console, 'warn')`).
// test/setup.ts adds the DOM pieces; Stryker's core run uses this file alone (Node, no jsdom).
let unexpected: string[] = [];

beforeEach(() => {
  unexpected = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      unexpected.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.useRealTimers();
  const found = unexpected;
  unexpected = [];
  if (found.length > 0) {
    throw new Error(`Unexpected console output:\n${found.join('\n')}`);
  }
});
