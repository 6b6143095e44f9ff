import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, leadAcrossTabs, type TabEnvironment, type TabLeadership } from '../../src/core/leadAcrossTabs.js';
import { createFakeOrigin, type FakeTab } from './tabEnvironment.js';

const flush = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

function elect(tab: FakeTab, name = 'op') {
  const calls: boolean[] = [];
  const received: unknown[] = [];
  const leadership = leadAcrossTabs(name, { onLeader: (leads) => calls.push(leads), onMessage: (data) => received.push(data) }, tab.env) as TabLeadership;
  return { leadership, calls, received };
}

const leaders = (...electors: { leadership: TabLeadership }[]) => electors.map((e) => e.leadership.leads);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each([
  { locks: true, label: 'Web Locks' },
  { locks: false, label: 'BroadcastChannel election' },
])('leadAcrossTabs with $label', ({ locks }) => {
  it('tells a tab only when its part changes, and stays silent on stop', async () => {
    const origin = createFakeOrigin({ locks });
    const tabA = origin.openTab();
    const tabB = origin.openTab();
    const a = elect(tabA);
    await flush(10);
    const b = elect(tabB);
    await flush(10);
    b.calls.length = 0;
    tabB.hide();
    await flush(HEARTBEAT_MS * 3);
    expect(b.calls).toEqual([]);
    a.leadership.stop();
    expect(a.leadership.leads).toBe(false);
    expect(a.calls).toEqual([true]);
  });

  it('a stopped leader hands over and sends nothing more', async () => {
    const origin = createFakeOrigin({ locks });
    const a = elect(origin.openTab());
    await flush(10);
    const b = elect(origin.openTab());
    await flush(10);
    a.leadership.stop();
    await flush(HEARTBEAT_MS * 4);
    expect(leaders(a, b)).toEqual([false, true]);
    a.leadership.send('late');
    b.leadership.send('from b');
    await flush();
    expect(b.received).toEqual([]);
    expect(a.received).toEqual([]);
  });

  it('a second elector in the same tab does not receive its own tab’s answers', async () => {
    const origin = createFakeOrigin({ locks });
    const tab = origin.openTab();
    const a = elect(tab);
    await flush(10);
    const b = elect(tab);
    const c = elect(origin.openTab());
    await flush(10);
    a.leadership.send('answer');
    await flush();
    expect(b.received).toEqual([]);
    expect(c.received).toEqual(['answer']);
  });

  it('a visible tab told again that it is visible keeps a single place in the election', async () => {
    const origin = createFakeOrigin({ locks });
    const tabs = [origin.openTab(), origin.openTab(), origin.openTab()];
    const a = elect(tabs[0] as FakeTab);
    await flush(10);
    const b = elect(tabs[1] as FakeTab);
    await flush(10);
    // Visibility events while visible: the leader and a waiting tab.
    tabs[0]?.show();
    tabs[1]?.show();
    const c = elect(tabs[2] as FakeTab);
    await flush(10);
    tabs[0]?.close();
    await flush(HEARTBEAT_MS * 4);
    expect(leaders(a, b, c)).toEqual([false, true, false]);
    tabs[1]?.close();
    await flush(HEARTBEAT_MS * 4);
    expect(leaders(a, b, c)).toEqual([false, false, true]);
  });

  it('a lone tab shown twice and then hidden does not lead while hidden', async () => {
    const origin = createFakeOrigin({ locks });
    const tab = origin.openTab();
    const a = elect(tab);
    await flush(10);
    tab.show();
    tab.hide();
    await flush(HEARTBEAT_MS * 5);
    expect(a.leadership.leads).toBe(false);
  });

  it('a tab hidden and shown again while waiting does not wait twice', async () => {
    const origin = createFakeOrigin({ locks });
    const tabs = [origin.openTab(), origin.openTab(), origin.openTab()];
    const a = elect(tabs[0] as FakeTab);
    await flush(10);
    const b = elect(tabs[1] as FakeTab);
    await flush(10);
    tabs[1]?.hide();
    tabs[1]?.show();
    await flush(10);
    const c = elect(tabs[2] as FakeTab);
    await flush(10);
    tabs[0]?.close();
    await flush(HEARTBEAT_MS * 4);
    expect(leaders(a, b, c)).toEqual([false, true, false]);
    tabs[1]?.close();
    await flush(HEARTBEAT_MS * 4);
    expect(leaders(a, b, c)).toEqual([false, false, true]);
  });
});

describe('leadAcrossTabs with Web Locks', () => {
  /** Locks granted by the test, late: like a browser that granted just before the tab left. */
  function manualEnvironment() {
    const granted: Array<() => Promise<void>> = [];
    let hidden = false;
    let onVisibility = () => {};
    const env: TabEnvironment = {
      tab: 'manual',
      locks: {
        request: (_name, _options, callback) => {
          granted.push(callback);
          return new Promise(() => {});
        },
      },
      channel: () => ({ postMessage: () => {}, onmessage: null, close: () => {} }),
      hidden: () => hidden,
      listen: (visibility) => {
        onVisibility = visibility;
        return () => {};
      },
    };
    const hide = () => {
      hidden = true;
      onVisibility();
    };
    return { env, granted, hide };
  }

  it('asks the browser for the lock named after the operation', () => {
    const { env, granted } = manualEnvironment();
    const request = vi.spyOn(env.locks as NonNullable<TabEnvironment['locks']>, 'request');
    leadAcrossTabs('orders', { onLeader: () => {}, onMessage: () => {} }, env)?.stop();
    expect(request).toHaveBeenCalledWith('sensei-operation:orders', expect.objectContaining({ signal: expect.any(AbortSignal) }), expect.any(Function));
    expect(granted).toHaveLength(1);
  });

  it('a lock granted after the tab was hidden is handed straight back', async () => {
    const { env, granted, hide } = manualEnvironment();
    const calls: boolean[] = [];
    const leadership = leadAcrossTabs('op', { onLeader: (leads) => calls.push(leads), onMessage: () => {} }, env) as TabLeadership;
    hide();
    await expect(granted[0]?.()).resolves.toBeUndefined();
    expect(leadership.leads).toBe(false);
    expect(calls).toEqual([]);
  });

  it('a lock granted after the tab stopped is handed straight back', async () => {
    const { env, granted } = manualEnvironment();
    const leadership = leadAcrossTabs('op', { onLeader: () => {}, onMessage: () => {} }, env) as TabLeadership;
    leadership.stop();
    await expect(granted[0]?.()).resolves.toBeUndefined();
    expect(leadership.leads).toBe(false);
  });
});

describe('leadAcrossTabs fallback election', () => {
  it('an older tab leads over a newer one whose page ran fewer elections', async () => {
    const origin = createFakeOrigin({ locks: false });
    // Each tab is its own page: its own module and its own count of elections.
    for (let i = 0; i < 3; i += 1) elect(origin.openTab(), `other-${i}`).leadership.stop();
    const older = elect(origin.openTab());
    await flush(1);
    vi.resetModules();
    const fresh = await import('../../src/core/leadAcrossTabs.js');
    const tab = origin.openTab();
    const newer = fresh.leadAcrossTabs('op', { onLeader: () => {}, onMessage: () => {} }, tab.env) as TabLeadership;
    await flush(10);
    expect([older.leadership.leads, newer.leads]).toEqual([true, false]);
  });

  it('a follower keeps following, without a flicker, while the leader beats', async () => {
    const origin = createFakeOrigin({ locks: false });
    const a = elect(origin.openTab());
    await flush(10);
    const b = elect(origin.openTab());
    const tabC = origin.openTab();
    const c = elect(tabC);
    await flush(10);
    b.calls.length = 0;
    c.calls.length = 0;
    await flush(HEARTBEAT_MS * 10);
    // A follower that leaves says nothing: the others keep their parts.
    tabC.hide();
    await flush(HEARTBEAT_MS * 3);
    expect(leaders(a, b, c)).toEqual([true, false, false]);
    expect([b.calls, c.calls]).toEqual([[], []]);
  });

  it('a follower takes over after more than 2.5 heartbeats of silence, not at exactly 2.5', async () => {
    const origin = createFakeOrigin({ locks: false });
    const tabA = origin.openTab();
    const a = elect(tabA);
    await flush(HEARTBEAT_MS / 2);
    const b = elect(origin.openTab());
    await flush(0);
    expect(leaders(a, b)).toEqual([true, false]);
    // a beats at whole seconds, b checks at half seconds; a's last beat is at 1000.
    await flush(HEARTBEAT_MS / 2 + 1);
    tabA.crash();
    await flush(HEARTBEAT_MS * 2.5 - 1); // b's check at 3500: exactly 2.5 heartbeats
    expect(b.leadership.leads).toBe(false);
    await flush(HEARTBEAT_MS);
    expect(b.leadership.leads).toBe(true);
  });

  it('ignores messages that are no election message, and its own heartbeat echoed back', async () => {
    let channel: { onmessage: ((event: MessageEvent) => void) | null } | undefined;
    const env: TabEnvironment = {
      tab: 'echo',
      locks: undefined,
      channel: () => {
        const echo = {
          onmessage: null as ((event: MessageEvent) => void) | null,
          // A channel that echoes to its sender (some polyfills do).
          postMessage: (data: unknown) => queueMicrotask(() => echo.onmessage?.({ data } as MessageEvent)),
          close: () => {},
        };
        channel = echo;
        return echo;
      },
      hidden: () => false,
      listen: () => () => {},
    };
    const received: unknown[] = [];
    const leadership = leadAcrossTabs('op', { onLeader: () => {}, onMessage: (data) => received.push(data) }, env) as TabLeadership;
    await flush(HEARTBEAT_MS * 2);
    for (const data of [null, 0, 'beat', { type: 'hello', id: 'other', rank: 0 }]) {
      expect(() => channel?.onmessage?.({ data } as MessageEvent)).not.toThrow();
    }
    await flush(0);
    expect(leadership.leads).toBe(true);
    expect(received).toEqual([]);
    leadership.stop();
  });
});

describe('leadAcrossTabs in a browser document (no Web Locks)', () => {
  /** An event target that counts its listeners, as a leak would show. */
  class Page extends EventTarget {
    visibilityState = 'visible';
    listeners: Record<string, number> = {};
    override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
      this.listeners[args[0]] = (this.listeners[args[0]] ?? 0) + 1;
      super.addEventListener(...args);
    }
    override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>) {
      this.listeners[args[0]] = (this.listeners[args[0]] ?? 0) - 1;
      super.removeEventListener(...args);
    }
  }

  function browser(visibilityState = 'visible') {
    const document = new Page();
    document.visibilityState = visibilityState;
    const window = new Page();
    vi.stubGlobal('document', document);
    vi.stubGlobal('window', window);
    vi.stubGlobal('navigator', {});
    return { document, window };
  }

  function start() {
    const calls: boolean[] = [];
    const leadership = leadAcrossTabs(`browser-${Math.random()}`, { onLeader: (leads) => calls.push(leads), onMessage: () => {} }) as TabLeadership;
    return { leadership, calls };
  }

  it('elects over BroadcastChannel and follows visibility and page exit', () => {
    const { document, window } = browser();
    const { leadership, calls } = start();
    expect(leadership.leads).toBe(true);
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(leadership.leads).toBe(false);
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(leadership.leads).toBe(true);
    window.dispatchEvent(new Event('pagehide'));
    expect(leadership.leads).toBe(false);
    expect(calls).toEqual([true, false, true, false]);
    leadership.stop();
  });

  it('does not lead from a hidden document', () => {
    browser('hidden');
    const { leadership } = start();
    expect(leadership.leads).toBe(false);
    leadership.stop();
  });

  it('posts its heartbeats on the channel named after the operation', async () => {
    browser();
    const heard: unknown[] = [];
    const other = new BroadcastChannel('sensei-operation:heard');
    other.onmessage = (event: MessageEvent) => heard.push(event.data);
    const leadership = leadAcrossTabs('heard', { onLeader: () => {}, onMessage: () => {} }) as TabLeadership;
    await vi.waitFor(() => expect(heard).toEqual([expect.objectContaining({ type: 'beat' })]), { timeout: 1000, interval: 5 });
    leadership.stop();
    other.close();
  });

  it('does not elect in a document without BroadcastChannel', () => {
    browser();
    vi.stubGlobal('BroadcastChannel', undefined);
    expect(leadAcrossTabs('op', { onLeader: () => {}, onMessage: () => {} })).toBeUndefined();
  });

  it('stops listening to the page when stopped', () => {
    const { document, window } = browser();
    start().leadership.stop();
    expect([document.listeners, window.listeners]).toEqual([{ visibilitychange: 0 }, { pagehide: 0 }]);
  });
});

describe('leadAcrossTabs with BroadcastChannel election: ties', () => {
  it('of two tabs opened at the same instant, one takes over from a dead leader and keeps leading', async () => {
    vi.setSystemTime(new Date('2026-12-03T14:00:00.000Z')); // a timestamp of today's size
    // Messages take 50 ms between tabs, so two tabs can step forward before hearing each other.
    const origin = createFakeOrigin({ locks: false, latencyMs: 50 });
    const tabL = origin.openTab();
    const l = elect(tabL);
    await flush(100);
    const a = elect(origin.openTab());
    const b = elect(origin.openTab()); // same millisecond: same rank, and their ticks fall together
    await flush(HEARTBEAT_MS);
    expect(leaders(l, a, b)).toEqual([true, false, false]);
    a.calls.length = 0;
    b.calls.length = 0;
    tabL.crash();
    // Both followers hear silence on the same tick and step forward together: one must yield.
    await flush(HEARTBEAT_MS * 10);
    expect(leaders(a, b).filter(Boolean)).toHaveLength(1);
    // Each stepped forward once and one stepped back: no flapping.
    expect([a.calls, b.calls].map((calls) => calls.join())).toEqual(expect.arrayContaining(['true', 'true,false']));
    a.leadership.stop();
    b.leadership.stop();
  });
});
