// @vitest-environment node
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createSenseiClient } from '../../src/core/index.js';
import { createFakeFetch, errorBody, json, rejectionOf } from './fakeFetch.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates `count` clients with `make`, drops them, and counts how many the GC collected. */
async function collected(count: number, make: () => object[]): Promise<number> {
  let freed = 0;
  const registry = new FinalizationRegistry(() => {
    freed += 1;
  });
  (() => {
    for (let i = 0; i < count; i += 1) for (const object of make()) registry.register(object, i);
  })();
  for (let round = 0; round < 30 && freed < count * 2; round += 1) {
    gc();
    await sleep(10);
  }
  return freed;
}

describe('servers are not tabs (#13 item 4)', () => {
  it("on Node, user A's 429 does not hold user B's request: two clients never share a gate", async () => {
    const a = createFakeFetch(() => json(errorBody(429), 429, { 'Retry-After': '60' }));
    const b = createFakeFetch(() => json({ ok: true }));
    const userA = createSenseiClient({ baseUrl: 'https://api.shared.example', apiKey: 'key-a', fetch: a.fetch });
    const userB = createSenseiClient({ baseUrl: 'https://api.shared.example', apiKey: 'key-b', fetch: b.fetch });
    await rejectionOf(userA.get('/v1/x'));
    await sleep(30);
    expect(userB.rateLimit.getSnapshot().isLimited).toBe(false);
    await expect(userB.get('/v1/x')).resolves.toEqual({ ok: true });
    expect(b.calls).toHaveLength(1);
    // And it says so: an operation watched on a server elects no tab leader.
    expect(userA.sharesAcrossTabs).toBe(false);
    const opted = createSenseiClient({ baseUrl: 'https://api.shared.example', apiKey: 'k', shareAcrossTabs: true });
    expect(opted.sharesAcrossTabs).toBe(true);
    opted.dispose();
  });

  it('1,000 per-request server clients (and their stores) are garbage-collected after use', async () => {
    const fake = createFakeFetch(() => json({ ok: true }, 200, { 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': '60' }));
    const used: Array<Promise<unknown>> = [];
    const freed = await collected(1000, () => {
      const client = createSenseiClient({ baseUrl: 'https://api.gc.example', apiKey: 'k', fetch: fake.fetch });
      used.push(client.get('/v1/x').then(() => undefined));
      return [client, client.rateLimit];
    });
    await Promise.all(used);
    expect(freed).toBe(2000);
  }, 20_000);

  it('with sharing turned on, disposed clients are not kept alive by the channel', async () => {
    const freed = await collected(200, () => {
      const client = createSenseiClient({ baseUrl: 'https://api.gc2.example', apiKey: 'k', shareAcrossTabs: { askTimeoutMs: 0 } });
      client.dispose();
      return [client, client.rateLimit];
    });
    expect(freed).toBe(400);
  }, 20_000);
});
