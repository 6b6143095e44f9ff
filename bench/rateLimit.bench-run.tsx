// 2. Requests wasted under a rate limit: 20 lists mount against a server whose limit is
// exhausted for 2 s (every request in that time gets 429 with Retry-After: 2).
import { useQuery } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useLayoutEffect, type ReactNode } from 'react';
import { afterEach, beforeEach, it, vi } from 'vitest';
import type { PaginatedResponse } from '../src/core/paginationSchema.js';
import { usePaginatedList } from '../src/react/usePaginatedList.js';
import type { MockSenseiApi } from '../src/testing/index.js';
import { createHarness } from '../test/react/senseiTestHarness.js';
import { createPlainSetup } from './plainSetup.js';
import { advance, report, useBenchClock } from './benchKit.js';

const LISTS = 20;
const CLOSED_MS = 2000;

beforeEach(() => {
  useBenchClock();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Calls `onReady` with the (fake) time at which this list first shows data. */
function useReadyAt(ready: boolean, onReady: () => void) {
  useLayoutEffect(() => {
    if (ready) onReady();
  }, [ready, onReady]);
}

function OurList({ n, onReady }: { n: number; onReady: () => void }) {
  const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations', params: { owner: `team-${n}` }, defaultPerPage: 10 });
  useReadyAt(list.isSuccess, onReady);
  return <li>{list.items.length}</li>;
}

/** Closes the server for CLOSED_MS from now: 429 + Retry-After: 2 to every request, then open. */
function closeServer(api: MockSenseiApi) {
  api.setScenario({ rateLimitOnce: { next: 1_000_000, retryAfterSeconds: CLOSED_MS / 1000 } });
  setTimeout(() => api.setScenario({ rateLimitOnce: undefined }), CLOSED_MS);
}

async function measure(api: MockSenseiApi, mount: (onReady: () => void) => ReactNode) {
  const start = Date.now();
  let readyCount = 0;
  let allReadyAt: number | undefined;
  const onReady = () => {
    readyCount += 1;
    if (readyCount === LISTS) allReadyAt = Date.now();
  };
  closeServer(api);
  render(mount(onReady));
  await advance(60_000, () => allReadyAt !== undefined);
  const end = allReadyAt ?? Date.now();
  const firstPages = api.requests.filter((r) => r.time <= end && (r.searchParams.get('page') ?? '1') === '1');
  return {
    // The first burst leaves before anyone knows the limit; after it, nothing should go out until the server reopens.
    sentIntoLimit: api.requests.filter((r) => r.time > start && r.time < start + CLOSED_MS).length,
    firstBurst: api.requests.filter((r) => r.time === start).length,
    requestsToSuccess: firstPages.length,
    responses429: api.requests.filter((r) => r.time < start + CLOSED_MS).length,
    allReadyMs: allReadyAt === undefined ? null : allReadyAt - start,
  };
}

it('20 lists under a 2 s rate limit', async () => {
  const ours = createHarness({ api: { items: 150 } });
  const oursResult = await measure(ours.api, (onReady) => (
    <ours.wrapper>
      <ul>
        {Array.from({ length: LISTS }, (_, n) => (
          <OurList key={n} n={n} onReady={onReady} />
        ))}
      </ul>
    </ours.wrapper>
  ));

  const plainHarness = createHarness({ api: { items: 150 } });
  const plain = createPlainSetup(plainHarness.api);
  function PlainList({ n, onReady }: { n: number; onReady: () => void }) {
    const query = useQuery({
      queryKey: ['migrations', { owner: `team-${n}`, page: 1 }],
      queryFn: ({ signal }) => plain.getJson<PaginatedResponse<{ id: string }>>(`/v1/migrations?page=1&per_page=10&owner=team-${n}`, signal),
    });
    useReadyAt(query.isSuccess, onReady);
    return <li>{query.data?.data.length ?? 0}</li>;
  }
  const plainResult = await measure(plainHarness.api, (onReady) => (
    <plain.wrapper>
      <ul>
        {Array.from({ length: LISTS }, (_, n) => (
          <PlainList key={n} n={n} onReady={onReady} />
        ))}
      </ul>
    </plain.wrapper>
  ));

  report('rateLimit', { lists: LISTS, closedMs: CLOSED_MS, ours: oursResult, plain: plainResult });
});
