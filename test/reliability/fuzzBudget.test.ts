import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, LONG, TOTAL_FUZZ_RUNS } from './reliabilityConfig.js';

describe('the fuzz budget', () => {
  it(`runs ${TOTAL_FUZZ_RUNS} cases in all (at least 10,000 in CI, 100,000 in the long mode)`, () => {
    expect(TOTAL_FUZZ_RUNS).toBeGreaterThanOrEqual(LONG ? 100_000 : 10_000);
    for (const runs of Object.values(FUZZ_RUNS)) expect(runs).toBeGreaterThan(0);
  });
});
