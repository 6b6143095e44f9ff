// 4. Paging latency: click on Next → the next page's rows on screen, with 200 ms API latency.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { afterEach, beforeEach, it, vi } from 'vitest';
import type { PaginatedResponse } from '../src/core/paginationSchema.js';
import { usePaginatedList } from '../src/react/usePaginatedList.js';
import type { MockSenseiApi } from '../src/testing/index.js';
import { createHarness } from '../test/react/senseiTestHarness.js';
import { createPlainSetup } from './plainSetup.js';
import { advance, report, useBenchClock } from './benchKit.js';

const LATENCY_MS = 200;
const PER_PAGE = 20;
/** Time on each page before the next click: a user reading the rows. */
const READ_MS = 2000;
const CLICKS = 3;
type Row = { id: string };

beforeEach(() => {
  useBenchClock();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Records when each page's own rows (not a placeholder) are first on screen. */
function Rows({ page, shown, onShown }: { page: number | undefined; shown: boolean; onShown: (page: number) => void }) {
  useLayoutEffect(() => {
    if (shown && page !== undefined) onShown(page);
  }, [page, shown, onShown]);
  return null;
}

function Table({ items, children }: { items: Row[]; children: ReactNode }) {
  return (
    <>
      <ul>
        {items.map((row) => (
          <li key={row.id}>{row.id}</li>
        ))}
      </ul>
      {children}
    </>
  );
}

async function measure(api: MockSenseiApi, ui: (onShown: (page: number) => void) => ReactNode) {
  const shownAt = new Map<number, number>();
  const { unmount } = render(ui((page) => shownAt.set(page, shownAt.get(page) ?? Date.now())));
  await advance(READ_MS);
  const latencies: number[] = [];
  const critical: number[] = [];
  for (let target = 2; target <= CLICKS + 1; target += 1) {
    const clickedAt = Date.now();
    fireEvent.click(screen.getByText('Next'));
    await advance(10_000, () => shownAt.has(target));
    const at = shownAt.get(target);
    if (at === undefined) throw new Error(`page ${target} never showed`);
    latencies.push(at - clickedAt);
    critical.push(api.requests.filter((r) => r.time >= clickedAt && r.time <= at && r.searchParams.get('page') === String(target)).length);
    await advance(READ_MS);
  }
  unmount();
  // Prefetching has a price: the page after the last one viewed was fetched too.
  return { latenciesMs: latencies, criticalRequests: critical, totalRequests: api.requests.length, pagesViewed: CLICKS + 1 };
}

it('next-page click to rows', async () => {
  const ours = createHarness({ api: { items: 500, scenario: { slow: { latencyMs: LATENCY_MS } } } });
  function OurTable({ onShown }: { onShown: (page: number) => void }) {
    const list = usePaginatedList<Row>({ path: '/v1/migrations', defaultPerPage: PER_PAGE });
    return (
      <Table items={list.items}>
        <Rows page={list.pagination?.page} shown={list.isSuccess && !list.isPlaceholderData} onShown={onShown} />
        <button onClick={list.nextPage}>Next</button>
      </Table>
    );
  }
  const oursResult = await measure(ours.api, (onShown) => (
    <ours.wrapper>
      <OurTable onShown={onShown} />
    </ours.wrapper>
  ));

  const plainHarness = createHarness({ api: { items: 500, scenario: { slow: { latencyMs: LATENCY_MS } } } });
  const plain = createPlainSetup(plainHarness.api);
  function PlainTable({ onShown }: { onShown: (page: number) => void }) {
    const [page, setPage] = useState(1);
    const query = useQuery({
      queryKey: ['migrations', page],
      queryFn: ({ signal }) => plain.getJson<PaginatedResponse<Row>>(`/v1/migrations?page=${page}&per_page=${PER_PAGE}`, signal),
      placeholderData: keepPreviousData,
    });
    return (
      <Table items={query.data?.data ?? []}>
        <Rows page={query.data?.pagination.page} shown={query.isSuccess && !query.isPlaceholderData} onShown={onShown} />
        <button onClick={() => setPage((p) => p + 1)}>Next</button>
      </Table>
    );
  }
  const plainResult = await measure(plainHarness.api, (onShown) => (
    <plain.wrapper>
      <PlainTable onShown={onShown} />
    </plain.wrapper>
  ));

  report('paging', { latencyMs: LATENCY_MS, clicks: CLICKS, ours: oursResult, plain: plainResult });
});
