import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, leadAcrossTabs, type TabLeadership } from '../../src/core/leadAcrossTabs.js';
import { createFakeOrigin, type FakeTab } from './tabEnvironment.js';

const flush = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

function elect(tab: FakeTab, name = 'op') {
  const received: unknown[] = [];
  const leadership = leadAcrossTabs(name, { onLeader: () => {}, onMessage: (data) => received.push(data) }, tab.env) as TabLeadership;
  return { leadership, received };
}

const leaders = (...electors: { leadership: TabLeadership }[]) => electors.map((e) => e.leadership.leads);

describe.each([
  { locks: true, label: 'Web Locks' },
  { locks: false, label: 'BroadcastChannel election' },
])('leadAcrossTabs with $label', ({ locks }) => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('elects one leader among three tabs, and its answers reach the others only', async () => {
    const origin = createFakeOrigin({ locks });
    const a = elect(origin.openTab());
    await flush(10);
    const b = elect(origin.openTab());
    const c = elect(origin.openTab());
    await flush(10);
    expect(leaders(a, b, c)).toEqual([true, false, false]);
    a.leadership.send({ status: 'running' });
    b.leadership.send({ status: 'ignored: not the leader' });
    await flush();
    expect(a.received).toEqual([]);
    expect(b.received).toEqual([{ status: 'running' }]);
    expect(c.received).toEqual([{ status: 'running' }]);
    // Steady state: still one leader after many heartbeats.
    await flush(HEARTBEAT_MS * 10);
    expect(leaders(a, b, c)).toEqual([true, false, false]);
  });

  it('hands over when the leading tab closes, and when it is hidden', async () => {
    const origin = createFakeOrigin({ locks });
    const tabs = [origin.openTab(), origin.openTab(), origin.openTab()];
    const electors = [];
    for (const tab of tabs) {
      electors.push(elect(tab));
      await flush(10);
    }
    expect(leaders(...electors)).toEqual([true, false, false]);
    tabs[0]?.close();
    await flush(10);
    expect(leaders(...electors)).toEqual([false, true, false]);
    tabs[1]?.hide();
    await flush(10);
    expect(leaders(...electors)).toEqual([false, false, true]);
    // Shown again, it waits its turn: no second leader.
    tabs[1]?.show();
    await flush(HEARTBEAT_MS * 5);
    expect(leaders(...electors)).toEqual([false, false, true]);
  });

  it('does not lead from a hidden tab, and joins when shown', async () => {
    const origin = createFakeOrigin({ locks });
    const tab = origin.openTab();
    tab.hide();
    const a = elect(tab);
    await flush(HEARTBEAT_MS * 5);
    expect(a.leadership.leads).toBe(false);
    tab.show();
    await flush(10);
    expect(a.leadership.leads).toBe(true);
  });

  it('tabs watching different operations each have a leader', async () => {
    const origin = createFakeOrigin({ locks });
    const a = elect(origin.openTab(), 'one');
    const b = elect(origin.openTab(), 'two');
    await flush(10);
    expect(leaders(a, b)).toEqual([true, true]);
  });
});

describe('leadAcrossTabs fallback election', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a follower takes over within 2.5 heartbeats when the leader dies without a word', async () => {
    const origin = createFakeOrigin({ locks: false });
    const tabA = origin.openTab();
    const a = elect(tabA);
    await flush(10);
    const b = elect(origin.openTab());
    await flush(10);
    expect(leaders(a, b)).toEqual([true, false]);
    tabA.crash();
    await flush(HEARTBEAT_MS * 2);
    expect(b.leadership.leads).toBe(false);
    await flush(HEARTBEAT_MS * 2);
    expect(b.leadership.leads).toBe(true);
  });
});
