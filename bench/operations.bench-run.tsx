// 3. Polls per operation: an operation that completes 10 s after it starts, with Retry-After: 1
// on every unfinished status. One watcher that starts it, then 10 watchers on one operation.
import { useMutation, useQuery } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { useLayoutEffect, type ReactNode } from 'react';
import { afterEach, beforeEach, it, vi } from 'vitest';
import type { Operation } from '../src/core/operationSchema.js';
import { useAsyncOperation } from '../src/react/useAsyncOperation.js';
import type { MockSenseiApi } from '../src/testing/index.js';
import { createHarness, TEST_API_KEY } from '../test/react/senseiTestHarness.js';
import { createPlainSetup } from './plainSetup.js';
import { advance, report, useBenchClock } from './benchKit.js';

const COMPLETE_AFTER_MS = 10_000;
const AFTER_MS = 30_000;
/** Status GETs take this long, as on a real network (TanStack dedupes a request only while it is in flight). */
const LATENCY_MS = 50;
const WATCHERS = 10;

beforeEach(() => {
  useBenchClock();
});
afterEach(() => {
  vi.useRealTimers();
});

const scenario = {
  operations: { completeAfterMs: COMPLETE_AFTER_MS, retryAfterSeconds: 1 },
  slow: { latencyMs: LATENCY_MS, match: { method: 'GET' } },
};

function createOurs() {
  return createHarness({ api: { scenario } });
}

/** Records the first (fake) time a watcher shows the operation as done. */
function useDoneAt(done: boolean, onDone: () => void) {
  useLayoutEffect(() => {
    if (done) onDone();
  }, [done, onDone]);
}

const isStatusGet = (r: { method: string; path: string }) => r.method === 'GET' && r.path.startsWith('/v1/migrations/');

/**
 * Runs until every watcher shows the result, then 30 s more. The operation completes on the
 * server COMPLETE_AFTER_MS after its creation (the POST's arrival).
 */
async function run(api: MockSenseiApi, ui: (onDone: () => void) => ReactNode, watchers: number, start?: () => void) {
  let doneCount = 0;
  let reportedAt: number | undefined;
  const onDone = () => {
    doneCount += 1;
    if (doneCount === watchers) reportedAt = Date.now();
  };
  const { unmount } = render(ui(onDone));
  start?.();
  await advance(60_000, () => reportedAt !== undefined);
  const post = api.requests.find((r) => r.method === 'POST');
  if (!post || reportedAt === undefined) throw new Error('the operation never completed');
  const completedAt = post.time + COMPLETE_AFTER_MS;
  await advance(AFTER_MS);
  unmount();
  const gets = api.requests.filter(isStatusGet);
  return {
    statusRequestsToCompletion: gets.filter((r) => r.time <= reportedAt!).length,
    completionToReportedMs: reportedAt - completedAt,
    requestsAfterCompletion: gets.filter((r) => r.time > reportedAt!).length,
  };
}

async function createOperation(api: MockSenseiApi): Promise<Operation> {
  const response = await api.fetch('/v1/migrations', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  return (await response.json()) as Operation;
}

it('one watcher that starts the operation', async () => {
  const ours = createOurs();
  function OurStarter({ onDone }: { onDone: () => void }) {
    const op = useAsyncOperation({ startPath: '/v1/migrations' });
    useDoneAt(op.status === 'succeeded', onDone);
    return <button onClick={() => op.start({ name: 'bench' })}>start</button>;
  }
  const oursResult = await run(
    ours.api,
    (onDone) => (
      <ours.wrapper>
        <OurStarter onDone={onDone} />
      </ours.wrapper>
    ),
    1,
    () => fireEvent.click(screen.getByText('start')),
  );

  const plainHarness = createHarness({ api: { scenario } });
  const plain = createPlainSetup(plainHarness.api);
  function PlainStarter({ onDone }: { onDone: () => void }) {
    const start = useMutation({
      mutationFn: async () => {
        const response = await plainHarness.api.fetch('/v1/migrations', {
          method: 'POST',
          headers: { Authorization: `Bearer ${TEST_API_KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'bench' }),
        });
        return (await response.json()) as Operation;
      },
    });
    const statusUrl = start.data?.status_url;
    const status = useQuery({
      queryKey: ['operation', statusUrl],
      queryFn: ({ signal }) => plain.getJson<Operation>(statusUrl as string, signal),
      enabled: statusUrl !== undefined,
      refetchInterval: 1000,
    });
    useDoneAt(status.data?.status === 'completed', onDone);
    return <button onClick={() => start.mutate()}>start plain</button>;
  }
  const plainResult = await run(
    plainHarness.api,
    (onDone) => (
      <plain.wrapper>
        <PlainStarter onDone={onDone} />
      </plain.wrapper>
    ),
    1,
    () => fireEvent.click(screen.getByText('start plain')),
  );
  report('operationsOne', { completeAfterMs: COMPLETE_AFTER_MS, latencyMs: LATENCY_MS, afterMs: AFTER_MS, ours: oursResult, plain: plainResult });
});

it('10 watchers on one operation', async () => {
  const ours = createOurs();
  const operation = await createOperation(ours.api);
  function OurWatcher({ onDone }: { onDone: () => void }) {
    const op = useAsyncOperation({ statusUrl: operation.status_url });
    useDoneAt(op.status === 'succeeded', onDone);
    return <li>{op.status}</li>;
  }
  const oursResult = await run(
    ours.api,
    (onDone) => (
      <ours.wrapper>
        {Array.from({ length: WATCHERS }, (_, i) => (
          <OurWatcher key={i} onDone={onDone} />
        ))}
      </ours.wrapper>
    ),
    WATCHERS,
  );

  const plainHarness = createHarness({ api: { scenario } });
  const plainOperation = await createOperation(plainHarness.api);
  const plain = createPlainSetup(plainHarness.api);
  function PlainWatcher({ onDone }: { onDone: () => void }) {
    const status = useQuery({
      queryKey: ['operation', plainOperation.status_url],
      queryFn: ({ signal }) => plain.getJson<Operation>(plainOperation.status_url as string, signal),
      refetchInterval: 1000,
    });
    useDoneAt(status.data?.status === 'completed', onDone);
    return <li>{status.data?.status}</li>;
  }
  const plainResult = await run(
    plainHarness.api,
    (onDone) => (
      <plain.wrapper>
        {Array.from({ length: WATCHERS }, (_, i) => (
          <PlainWatcher key={i} onDone={onDone} />
        ))}
      </plain.wrapper>
    ),
    WATCHERS,
  );
  report('operationsMany', { watchers: WATCHERS, ours: oursResult, plain: plainResult });
});
