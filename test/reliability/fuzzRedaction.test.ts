import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { redactSecret } from '../../src/core/redactSecret.js';
import { everyTextOf } from '../core/fakeFetch.js';
import { FUZZ_API_KEY } from './arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './reliabilityConfig.js';

/** `value` with the key planted `depth` levels down, in an object or an array of some width. */
function plant(value: unknown, depth: number, width: number, asKey: boolean): unknown {
  let planted: unknown = asKey ? { [`x${FUZZ_API_KEY}`]: value } : [value, `…${FUZZ_API_KEY}…`];
  for (let level = 0; level < depth; level += 1) {
    planted =
      level % 2 === 0
        ? Object.fromEntries(Array.from({ length: width }, (_, i) => [`k${i}`, i === width - 1 ? planted : i]))
        : Array.from({ length: width }, (_, i) => (i === width - 1 ? planted : i));
  }
  return planted;
}

describe('fuzz: redaction has no hole', () => {
  it(
    `no part of the key survives in an error's message, details, JSON or cause, at any depth, width or cut (${FUZZ_RUNS.toErrorState / 4} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.jsonValue({ maxDepth: 3 }),
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 1, max: 40 }),
          fc.boolean(),
          fc.integer({ min: 1_900, max: 2_100 }),
          async (filler, depth, width, asKey, cut) => {
            const details = plant(filler, depth, width, asKey);
            const message = `${'m'.repeat(cut)}${FUZZ_API_KEY}`;
            const body = JSON.stringify({ error: { code: 'E4010', message, details, request_id: `req_${FUZZ_API_KEY}` } });
            const fetch = async () => new Response(body, { status: 401, headers: { 'Content-Type': 'application/json' } });
            const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: FUZZ_API_KEY, fetch, shareAcrossTabs: false });
            const error = await client.get('/v1/me').catch((e: unknown) => e);
            // The key's first 6 characters stand for "any part of it" without matching ordinary text.
            for (const text of everyTextOf(error)) expect(text).not.toContain(FUZZ_API_KEY.slice(0, 6));
            expect(JSON.stringify(redactSecret(details, FUZZ_API_KEY))).not.toContain(FUZZ_API_KEY);
          },
        ),
        fuzzParams(FUZZ_RUNS.toErrorState / 4),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
