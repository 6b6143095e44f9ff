import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitStore } from '../../src/core/RateLimitStore.js';
import { shareRateLimitAcrossTabs } from '../../src/core/shareRateLimitAcrossTabs.js';
import { track } from './fakeFetch.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a new tab learns the gate before its first request (#14 item 5)', () => {
  const stops: Array<() => void> = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it('asks the other tabs on start: its first request waits at the gate another tab closed', async () => {
    const name = `start-${Math.random()}`;
    const open = new RateLimitStore();
    stops.push(shareRateLimitAcrossTabs(open, name, { askTimeoutMs: 0 }));
    open.update({ limit: 3, remaining: 0, retryAt: Date.now() + 60_000 }, 429);
    await sleep(20);

    const fresh = new RateLimitStore();
    stops.push(shareRateLimitAcrossTabs(fresh, name, { askTimeoutMs: 1000 }));
    const first = track(fresh.acquire());
    await sleep(50);
    expect(first.settled).toBe(false);
    expect(fresh.getSnapshot()).toMatchObject({ isLimited: true, limit: 3, remaining: 0 });
  });

  it('waits no longer than askTimeoutMs when no other tab answers', async () => {
    const alone = new RateLimitStore();
    stops.push(shareRateLimitAcrossTabs(alone, `alone-${Math.random()}`, { askTimeoutMs: 40 }));
    const first = track(alone.acquire());
    await sleep(10);
    expect(first.settled).toBe(false);
    await sleep(80);
    expect(first.settled && !first.rejected).toBe(true);
  });
});
