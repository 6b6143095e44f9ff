import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitStore } from '../../src/core/RateLimitStore.js';
import { shareRateLimitAcrossTabs } from '../../src/core/shareRateLimitAcrossTabs.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('shareRateLimitAcrossTabs', () => {
  const stops: Array<() => void> = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it("closes every tab's gate when one tab gets a 429", async () => {
    const name = `test-${Math.random()}`;
    const tabA = new RateLimitStore();
    const tabB = new RateLimitStore();
    stops.push(shareRateLimitAcrossTabs(tabA, name), shareRateLimitAcrossTabs(tabB, name));
    const retryAt = Date.now() + 60_000;
    tabA.update({ retryAt, limit: 100, remaining: 0 }, 429);
    await settle();
    expect(tabB.getSnapshot()).toMatchObject({ isLimited: true, retryAt, limit: 100, remaining: 0 });
  });

  it('never reopens a gate from a stale message, and ignores foreign messages', async () => {
    const name = `test-${Math.random()}`;
    const tabB = new RateLimitStore();
    stops.push(shareRateLimitAcrossTabs(tabB, name));
    const retryAt = Date.now() + 60_000;
    tabB.update({ retryAt }, 429);
    const other = new BroadcastChannel(name);
    other.postMessage({ type: 'sensei-rate-limit', retryAt: Date.now() - 1000, remaining: 50 });
    other.postMessage({ type: 'something-else', retryAt: 0 });
    other.postMessage('garbage');
    await settle();
    other.close();
    expect(tabB.getSnapshot()).toMatchObject({ isLimited: true, retryAt });
  });

  it('stops listening when stopped', async () => {
    const name = `test-${Math.random()}`;
    const tabA = new RateLimitStore();
    const tabB = new RateLimitStore();
    stops.push(shareRateLimitAcrossTabs(tabA, name));
    shareRateLimitAcrossTabs(tabB, name)();
    tabA.update({ retryAt: Date.now() + 60_000 }, 429);
    await settle();
    expect(tabB.getSnapshot().isLimited).toBe(false);
  });
});
