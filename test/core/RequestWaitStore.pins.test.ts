import { describe, expect, it, vi } from 'vitest';
import { RequestWaitStore, toRequestWait } from '../../src/core/RequestWaitStore.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RequestWaitStore.subscribe', () => {
  it('tells every listener the id of each change, until it unsubscribes', async () => {
    const store = new RequestWaitStore();
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = store.subscribe(first);
    store.subscribe(second);
    let hold!: (value: { reason: 'rate-limit'; until: number } | null) => void;
    let finish!: () => void;
    const run = store.run('q', (onGateHold) => {
      hold = onGateHold;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    await tick();
    expect(first.mock.calls).toEqual([['q']]);
    expect(second.mock.calls).toEqual([['q']]);

    unsubscribe();
    hold({ reason: 'rate-limit', until: 5 });
    await tick();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second.mock.calls).toEqual([['q'], ['q']]);
    finish();
    await run;
  });
});

describe('toRequestWait', () => {
  it('is not waiting for a retry while under way with no failure behind it', () => {
    const scheduledRetryAt = vi.fn(() => 1000);
    for (const failureReason of [null, undefined]) {
      expect(toRequestWait({ paused: false, active: true, failureReason, attempt: undefined, scheduledRetryAt })).toEqual({
        waiting: null,
        nextAttemptAt: undefined,
      });
    }
    expect(scheduledRetryAt).not.toHaveBeenCalled();
  });
});
