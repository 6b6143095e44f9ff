import type { TabEnvironment } from '../../src/core/leadAcrossTabs.js';

interface FakeChannel {
  name: string;
  tab: FakeTab;
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

interface LockRequest {
  callback: () => Promise<void>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Web Locks as browsers grant them: one holder per name, the others queued in order. */
class FakeLocks {
  readonly #held = new Set<string>();
  readonly #queues = new Map<string, LockRequest[]>();

  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry: LockRequest = { callback, resolve, reject };
      const queue = this.#queues.get(name) ?? [];
      this.#queues.set(name, queue);
      queue.push(entry);
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(entry);
        if (index < 0) return;
        queue.splice(index, 1);
        reject(new DOMException('The request was aborted.', 'AbortError'));
      });
      this.#pump(name);
    });
  }

  #pump(name: string): void {
    const queue = this.#queues.get(name) ?? [];
    if (this.#held.has(name) || queue.length === 0) return;
    const next = queue.shift() as LockRequest;
    this.#held.add(name);
    queueMicrotask(() => {
      void next.callback().then((value) => {
        this.#held.delete(name);
        next.resolve(value);
        this.#pump(name);
      });
    });
  }
}

/** One browser tab of a fake origin: its visibility, its channels and page exit. */
export interface FakeTab {
  env: TabEnvironment;
  hide(): void;
  show(): void;
  /** Closes the tab: `pagehide`, then its channels go away. */
  close(): void;
  /** The tab dies without `pagehide`: its channels go silent. */
  crash(): void;
}

/** Tabs of one origin sharing BroadcastChannels (and Web Locks when `locks` is true). */
export function createFakeOrigin({ locks, latencyMs = 0 }: { locks: boolean; /** Delivery delay of a message between tabs (default: one microtask). */ latencyMs?: number }) {
  const channels = new Set<FakeChannel>();
  const lockManager = locks ? new FakeLocks() : undefined;
  let tabs = 0;
  function openTab(): FakeTab {
    tabs += 1;
    let hidden = false;
    const listeners = new Set<{ onVisibility: () => void; onExit: () => void }>();
    const tab: FakeTab = {
      env: {
        tab: `tab${tabs}`,
        locks: lockManager,
        hidden: () => hidden,
        channel(name) {
          const channel: FakeChannel = {
            name,
            tab,
            onmessage: null,
            postMessage(message) {
              if (!channels.has(channel)) return;
              const data: unknown = structuredClone(message);
              for (const other of channels) {
                // Like browsers: every other channel object of that name, in any tab, this one excepted.
                if (other !== channel && other.name === name) {
                  const deliver = () => other.onmessage?.({ data } as MessageEvent);
                  if (latencyMs > 0) setTimeout(deliver, latencyMs);
                  else queueMicrotask(deliver);
                }
              }
            },
            close: () => channels.delete(channel),
          };
          channels.add(channel);
          return channel;
        },
        listen(onVisibility, onExit) {
          const entry = { onVisibility, onExit };
          listeners.add(entry);
          return () => listeners.delete(entry);
        },
      },
      hide() {
        hidden = true;
        listeners.forEach((l) => l.onVisibility());
      },
      show() {
        hidden = false;
        listeners.forEach((l) => l.onVisibility());
      },
      close() {
        listeners.forEach((l) => l.onExit());
      },
      crash() {
        for (const channel of channels) if (channel.tab === tab) channels.delete(channel);
      },
    };
    return tab;
  }
  return { openTab };
}
