import { describe, expect, it } from 'vitest';
import { RequestWaitStore, toRequestWait } from '../../src/core/RequestWaitStore.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('RequestWaitStore', () => {
  it('keeps an entry exactly as long as its attempt, and a newer attempt survives an older one ending', async () => {
    const store = new RequestWaitStore();
    const first = deferred();
    const second = deferred();
    const a = store.run('q', async (onGateHold) => {
      onGateHold({ reason: 'rate-limit', until: 5000 });
      await first.promise;
    });
    expect(store.get('q')).toEqual({ hold: { reason: 'rate-limit', until: 5000 } });
    const b = store.run('q', () => second.promise); // a retry that started before the old one settled
    first.resolve();
    await a;
    expect(store.get('q')).toEqual({ hold: null });
    second.resolve();
    await b;
    expect(store.get('q')).toBeUndefined();
  });

  it('drops the entry when the attempt fails, too', async () => {
    const store = new RequestWaitStore();
    await expect(store.run('q', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(store.get('q')).toBeUndefined();
  });

  it('one rule for every hook: paused, held, between attempts, under way', () => {
    const scheduledRetryAt = () => 1234;
    const base = { paused: false, active: true, failureReason: new Error('503'), attempt: undefined, scheduledRetryAt };
    expect(toRequestWait({ ...base, paused: true })).toEqual({ waiting: 'offline', nextAttemptAt: undefined });
    expect(toRequestWait({ ...base, attempt: { hold: { reason: 'budget', until: undefined } } })).toEqual({ waiting: 'rate-limit', nextAttemptAt: undefined });
    expect(toRequestWait(base)).toEqual({ waiting: 'retry', nextAttemptAt: 1234 });
    expect(toRequestWait({ ...base, attempt: { hold: null } })).toEqual({ waiting: null, nextAttemptAt: undefined });
    expect(toRequestWait({ ...base, active: false })).toEqual({ waiting: null, nextAttemptAt: undefined });
  });
});
