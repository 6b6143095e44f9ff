import type { RateLimitStore } from './RateLimitStore.js';

const MESSAGE_TYPE = 'sensei-rate-limit';

interface RateLimitMessage {
  type: typeof MESSAGE_TYPE;
  limit?: number | undefined;
  remaining?: number | undefined;
  resetAt?: number | undefined;
  retryAt?: number | undefined;
}

function isMessage(value: unknown): value is RateLimitMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === MESSAGE_TYPE;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * Shares a store's rate-limit state with every tab of the origin through `BroadcastChannel`,
 * so one tab's 429 holds the others back too. Returns a function that stops sharing; does
 * nothing (and returns a no-op) where `BroadcastChannel` does not exist.
 */
export function shareRateLimitAcrossTabs(store: RateLimitStore, channelName: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(channelName);
  // Node keeps the process alive for an open channel; a client must never do that.
  (channel as { unref?: () => void }).unref?.();
  channel.onmessage = (event: MessageEvent) => {
    if (!isMessage(event.data)) return;
    store.merge({
      limit: num(event.data.limit),
      remaining: num(event.data.remaining),
      resetAt: num(event.data.resetAt),
      retryAt: num(event.data.retryAt),
    });
  };
  const stop = store.onResponseUpdate((state) => {
    const message: RateLimitMessage = {
      type: MESSAGE_TYPE,
      limit: state.limit,
      remaining: state.remaining,
      resetAt: state.resetAt,
      retryAt: state.retryAt,
    };
    channel.postMessage(message);
  });
  return () => {
    stop();
    channel.onmessage = null;
    channel.close();
  };
}
