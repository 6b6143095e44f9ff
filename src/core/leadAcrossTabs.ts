import { timers } from './timers.js';

/** One tab's part in an election: whether it leads, and a channel to the other tabs. */
export interface TabLeadership {
  /** Whether this tab polls for all of them right now. */
  readonly leads: boolean;
  /** Sends a leader's answer to the other tabs. */
  send(data: unknown): void;
  /** Leaves the election (a leader hands over) and closes the channel. */
  stop(): void;
}

export interface TabLeadershipHandlers {
  /** Called with `true` when this tab becomes the leader, `false` when it stops leading. */
  onLeader(leads: boolean): void;
  /** An answer another tab's leader sent. */
  onMessage(data: unknown): void;
}

interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/** What the election needs from the page; replaced in tests. */
export interface TabEnvironment {
  /** This tab's id: answers from it are already in its own cache. */
  tab: string;
  /** `navigator.locks` when the browser has Web Locks. */
  locks: LockManagerLike | undefined;
  channel(name: string): ChannelLike;
  hidden(): boolean;
  /** Listens to visibility changes and page exit; returns a function that stops listening. */
  listen(onVisibility: () => void, onExit: () => void): () => void;
}

type Message = { type: 'beat' | 'resign'; id: string; rank: number } | { type: 'data'; tab: string; data: unknown };

/** A leader says it is alive this often (fallback election only). */
export const HEARTBEAT_MS = 1000;

let electors = 0;

// Stryker disable next-line MethodExpression: the id only has to differ between tabs; the "0." prefix changes nothing
const TAB = Math.random().toString(36).slice(2);

function browserEnvironment(): TabEnvironment | undefined {
  // A document means a window; servers have neither (Node has BroadcastChannel all the same).
  if (typeof document === 'undefined' || typeof BroadcastChannel === 'undefined') return undefined;
  return {
    tab: TAB,
    locks: (navigator as { locks?: LockManagerLike }).locks,
    channel: (name) => new BroadcastChannel(name),
    hidden: () => document.visibilityState === 'hidden',
    listen(onVisibility, onExit) {
      document.addEventListener('visibilitychange', onVisibility);
      window.addEventListener('pagehide', onExit);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('pagehide', onExit);
      };
    },
  };
}

/**
 * Elects one leader among the visible tabs of an origin that watch `name`: with Web Locks (an
 * exclusive lock the browser frees when the tab closes) when available, else over a
 * `BroadcastChannel` with heartbeats where the oldest candidate wins. A hidden tab leaves the
 * election and rejoins when shown. Returns `undefined` outside a browser document (servers).
 */
export function leadAcrossTabs(
  name: string,
  handlers: TabLeadershipHandlers,
  environment?: TabEnvironment,
): TabLeadership | undefined {
  const env = environment ?? browserEnvironment();
  if (!env) return undefined;
  electors += 1;
  const id = `${env.tab}:${electors}`;
  const channel = env.channel(`sensei-operation:${name}`);
  let stopped = false;
  let leads = false;
  const setLeader = (next: boolean) => {
    if (next === leads) return;
    leads = next;
    if (!stopped) handlers.onLeader(next);
  };

  let join: () => void;
  let leave: () => void;
  let onMessage: (message: Message & { type: 'beat' | 'resign' }) => void = () => {};

  if (env.locks) {
    const locks = env.locks;
    let queued: AbortController | undefined;
    let release: (() => void) | undefined;
    join = () => {
      if (queued || release || stopped || env.hidden()) return;
      const request = new AbortController();
      queued = request;
      locks
        .request(`sensei-operation:${name}`, { signal: request.signal }, () => {
          queued = undefined;
          // A tab hidden (or gone) while it queued lets the next one lead.
          if (stopped || env.hidden()) return Promise.resolve();
          return new Promise<void>((resolve) => {
            release = resolve;
            setLeader(true);
          });
        })
        .catch(() => {
          // Aborted while queued: this tab left the election.
        });
    };
    leave = () => {
      queued?.abort();
      queued = undefined;
      release?.();
      release = undefined;
      setLeader(false);
    };
  } else {
    // Older tabs win: a tab that just joined steps down as soon as it hears an older leader.
    // Candidates that joined in the same millisecond are ordered by id: a fraction added to the
    // time to tell them apart is lost at today's timestamps, and with equal ranks both stepped down.
    const rank = timers.now();
    let leaderSeenAt = -Infinity;
    let beat: unknown;
    const post = (type: 'beat' | 'resign') => channel.postMessage({ type, id, rank } satisfies Message);
    const tick = () => {
      if (leads) post('beat');
      else if (timers.now() - leaderSeenAt > HEARTBEAT_MS * 2.5) {
        setLeader(true);
        post('beat');
      }
      beat = timers.setTimeout(tick, HEARTBEAT_MS);
    };
    join = () => {
      if (beat !== undefined || stopped || env.hidden()) return;
      tick();
    };
    leave = () => {
      timers.clearTimeout(beat);
      beat = undefined;
      if (leads) post('resign');
      setLeader(false);
    };
    onMessage = (message) => {
      if (message.type === 'resign') {
        leaderSeenAt = -Infinity;
        if (beat !== undefined) {
          timers.clearTimeout(beat);
          tick();
        }
        return;
      }
      if (leads && (message.rank > rank || (message.rank === rank && message.id > id))) {
        post('beat'); // We are older: tell the newcomer at once.
        return;
      }
      leaderSeenAt = timers.now();
      setLeader(false);
    };
  }

  channel.onmessage = (event: MessageEvent) => {
    const message = event.data as Message | undefined;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'data') {
      if (message.tab !== env.tab) handlers.onMessage(message.data);
    } else if ((message.type === 'beat' || message.type === 'resign') && message.id !== id) onMessage(message);
  };
  const unlisten = env.listen(
    () => (env.hidden() ? leave() : join()),
    () => leave(),
  );
  join();
  return {
    get leads() {
      return leads;
    },
    send: (data) => {
      if (leads && !stopped) channel.postMessage({ type: 'data', tab: env.tab, data } satisfies Message);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      leave();
      unlisten();
      channel.onmessage = null;
      channel.close();
    },
  };
}
