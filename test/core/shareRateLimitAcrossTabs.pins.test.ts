import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitStore } from '../../src/core/RateLimitStore.js';
import { shareRateLimitAcrossTabs } from '../../src/core/shareRateLimitAcrossTabs.js';
import { track } from './fakeFetch.js';

/** A browser's BroadcastChannel as far as the sharing sees it: no Node `unref`, messages in hand. */
class BrowserChannel {
  static opened: BrowserChannel[] = [];
  readonly posted: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    BrowserChannel.opened.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  close() {}
  /** Delivers a message from another tab. */
  receive(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const flush = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('shareRateLimitAcrossTabs in a browser', () => {
  const stops: Array<() => void> = [];
  beforeEach(() => {
    vi.useFakeTimers();
    BrowserChannel.opened = [];
    vi.stubGlobal('BroadcastChannel', BrowserChannel);
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.useRealTimers();
  });

  function share(options?: { askTimeoutMs?: number }) {
    const store = new RateLimitStore();
    stops.push(shareRateLimitAcrossTabs(store, 'limits', options));
    return { store, channel: BrowserChannel.opened.at(-1) as BrowserChannel };
  }

  it('by default asks the other tabs, and holds the first request up to 50 ms for an answer', async () => {
    const { store, channel } = share();
    expect(channel.posted).toEqual([{ type: 'sensei-rate-limit-hello' }]);
    const first = track(store.acquire());
    await flush(49);
    expect(first.settled).toBe(false);
    await flush(1);
    expect(first.settled && !first.rejected).toBe(true);
  });

  it('with askTimeoutMs 0 neither asks nor holds the first request', async () => {
    const { store, channel } = share({ askTimeoutMs: 0 });
    const first = track(store.acquire());
    await flush(0);
    expect(channel.posted).toEqual([]);
    expect(first.settled && !first.rejected).toBe(true);
  });

  it('ignores anything that is no rate-limit message, without throwing', async () => {
    const { store, channel } = share();
    const first = track(store.acquire());
    const retryAt = Date.now() + 60_000;
    for (const data of [undefined, null, 0, 'garbage', { type: 'other', retryAt, limit: 5, remaining: 0 }]) {
      expect(() => channel.receive(data)).not.toThrow();
    }
    expect(store.getSnapshot()).toMatchObject({ isLimited: false, limit: undefined, remaining: undefined });
    // None of them counts as the answer the first request waits for.
    await flush(10);
    expect(first.settled).toBe(false);
  });

  it('answers a new tab’s hello with its snapshot', () => {
    const { store, channel } = share({ askTimeoutMs: 0 });
    store.update({ limit: 10, remaining: 4 }, 200);
    channel.posted.length = 0;
    channel.receive({ type: 'sensei-rate-limit-hello' });
    expect(channel.posted).toEqual([expect.objectContaining({ type: 'sensei-rate-limit', limit: 10, remaining: 4 })]);
  });
});

describe('shareRateLimitAcrossTabs without BroadcastChannel', () => {
  it('shares nothing and returns a stop that does nothing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const store = new RateLimitStore();
    const stop = shareRateLimitAcrossTabs(store, 'limits');
    expect(store.getSnapshot().isLimited).toBe(false);
    expect(stop).not.toThrow();
  });
});
