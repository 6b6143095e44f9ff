import type { RateLimitStore } from './RateLimitStore.js';
import { timers } from './timers.js';

const MESSAGE_TYPE = 'sensei-rate-limit';
/** A new tab asks the others for what they know. */
const HELLO_TYPE = 'sensei-rate-limit-hello';

/** What a tab posts; one from another tab may hold anything, so every field is checked on arrival. */
interface RateLimitMessage {
  type: typeof MESSAGE_TYPE;
  limit: number | undefined;
  remaining: number | undefined;
  resetAt: number | undefined;
  retryAt: number | undefined;
}

export interface ShareRateLimitOptions {
  /**
   * How long a new tab's first request waits for another tab to say what it knows (a closed
   * gate, the remaining count); the first answer ends the wait. `0` does not ask.
   * @default 50
   */
  askTimeoutMs?: number;
}

const typeOf = (value: unknown): unknown => typeof value === 'object' && value !== null && (value as { type?: unknown }).type;

const num = (value: unknown) => (Number.isFinite(value) ? (value as number) : undefined);

/**
 * Shares a store's rate-limit state with every tab of the origin through `BroadcastChannel`,
 * so one tab's 429 holds the others back too, and a new tab learns the gate's state before its
 * first request. Returns a function that stops sharing; does nothing (and returns a no-op) where
 * `BroadcastChannel` does not exist.
 */
export function shareRateLimitAcrossTabs(store: RateLimitStore, channelName: string, options: ShareRateLimitOptions = {}): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(channelName);
  // Node keeps the process alive for an open channel; a client must never do that.
  (channel as { unref?: () => void }).unref?.();
  // The whole snapshot: other tabs read its four times and counts.
  const post = () => channel.postMessage({ ...store.getSnapshot(), type: MESSAGE_TYPE } satisfies RateLimitMessage);
  let answered: () => void = () => {};
  const askTimeoutMs = options.askTimeoutMs ?? 50;
  if (askTimeoutMs > 0) {
    store.holdUntil(
      new Promise<void>((resolve) => {
        answered = resolve;
        timers.setTimeout(resolve, askTimeoutMs);
      }),
    );
    channel.postMessage({ type: HELLO_TYPE });
  }
  channel.onmessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeOf(data) === HELLO_TYPE) return post();
    if (typeOf(data) !== MESSAGE_TYPE) return;
    const message = data as RateLimitMessage;
    // `merge` drops times that are no finite number itself; counts are checked here.
    store.merge({ ...message, limit: num(message.limit), remaining: num(message.remaining) });
    answered();
  };
  const stop = store.onResponseUpdate(post);
  return () => {
    answered();
    stop();
    channel.onmessage = null;
    channel.close();
  };
}
