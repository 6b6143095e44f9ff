import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Paginator } from '../../src/components/Paginator.js';
import { SenseiErrorPanel } from '../../src/components/SenseiErrorPanel.js';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { paginationSchema, type Pagination } from '../../src/core/paginationSchema.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { usePaginatedList, type UsePaginatedListResult } from '../../src/react/usePaginatedList.js';
import { FUZZ_API_KEY, fuzzPagination, paginationNumber, type FuzzPagination } from './arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './reliabilityConfig.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Numbers as `Paginator` formats them in `en-US`. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

/** What a sane paginator shows: no NaN, no Infinity, pages within [1, max(1, total_pages)]. */
function expectSanePaginator(container: HTMLElement, totalPages: number): void {
  const nav = container.querySelector('nav[data-slot="paginator"]');
  expect(nav).not.toBeNull();
  const text = nav!.textContent ?? '';
  expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
  const last = Number.isFinite(totalPages) ? Math.max(1, Math.trunc(totalPages)) : 1;
  const pages = [...nav!.querySelectorAll('[data-slot="paginator-page"]')].map((el) => numberIn(el.textContent));
  expect(pages.length).toBeLessThanOrEqual(7);
  for (const page of pages) {
    expect(Number.isInteger(page)).toBe(true);
    expect(page).toBeGreaterThanOrEqual(1);
    expect(page).toBeLessThanOrEqual(last);
  }
  const current = nav!.querySelectorAll('[aria-current="page"]');
  expect(current.length).toBeLessThanOrEqual(1);
  for (const label of nav!.querySelectorAll('[aria-label]')) expect(label.getAttribute('aria-label')).not.toMatch(/NaN|Infinity/);
}

const jsonNumber = fc.oneof({ weight: 9, arbitrary: paginationNumber }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity) });

describe('fuzz: pagination envelopes into Paginator', () => {
  it(
    `renders any envelope without crashing, NaN or a page out of range (${FUZZ_RUNS.paginator} cases)`,
    () => {
      fc.assert(
        fc.property(
          // Anything JSON can carry, unvalidated (an app may pass its own fetch's body): `1e400`
          // parses to Infinity, NaN cannot be sent.
          fc.record({
            total: jsonNumber,
            page: jsonNumber,
            per_page: jsonNumber,
            total_pages: jsonNumber,
            has_next: fc.boolean(),
            has_prev: fc.boolean(),
          }),
          fc.boolean(),
          (pagination, links) => {
            const hrefPages: number[] = [];
            const getHref = (page: number) => {
              hrefPages.push(page);
              return `?page=${page}`;
            };
            // Typed as the schema's output, but fed what a careless server (or app) might pass.
            const props = links
              ? { pagination: pagination as Pagination, getHref }
              : { pagination: pagination as Pagination, onPageChange: () => {}, perPageOptions: [10, 50], onPerPageChange: () => {} };
            const view = render(<Paginator {...props} locale="en-US" />);
            try {
              expectSanePaginator(view.container, pagination.total_pages);
              // Links only ever point at whole pages from 1 up.
              for (const page of hrefPages) {
                expect(Number.isInteger(page)).toBe(true);
                expect(page).toBeGreaterThanOrEqual(1);
              }
            } finally {
              view.unmount();
            }
          },
        ),
        fuzzParams(FUZZ_RUNS.paginator),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

/** How the fake server fills `page`: honestly, with a number of its own, or off by some pages. */
const pageMode = fc.oneof(
  fc.constant({ kind: 'echo' as const }),
  paginationNumber.map((page) => ({ kind: 'fixed' as const, page })),
  fc.integer({ min: -3, max: 3 }).map((offset) => ({ kind: 'offset' as const, offset })),
);
type PageMode = typeof pageMode extends fc.Arbitrary<infer T> ? T : never;

const servedPage = (mode: PageMode, requested: number) =>
  mode.kind === 'echo' ? requested : mode.kind === 'fixed' ? mode.page : requested + mode.offset;

describe('fuzz: pagination envelopes through usePaginatedList and Paginator', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(
    `shows a sane page or a typed error for any envelope, without a request storm (${FUZZ_RUNS.paginatedList} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fuzzPagination,
          pageMode,
          fc.integer({ min: 1, max: 12 }),
          async (envelope: FuzzPagination, mode, defaultPage) => {
            const requested: number[] = [];
            const fetch = vi.fn(async (input: RequestInfo | URL): Promise<Response> => {
              const page = Number(new URL(String(input)).searchParams.get('page'));
              requested.push(page);
              const pagination = { ...envelope, page: servedPage(mode, page) };
              return new Response(JSON.stringify({ data: [{ id: `item_${page}` }], pagination }), {
                status: 200,
                headers: { 'Content-Type': 'application/json' },
              });
            });
            const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: FUZZ_API_KEY, fetch, shareAcrossTabs: false });
            const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 } } });
            const seen: { list?: UsePaginatedListResult<unknown> } = {};
            function List() {
              const list = usePaginatedList({ path: '/v1/migrations', defaultPage });
              seen.list = list;
              return (
                <>
                  <SenseiErrorPanel error={list.error} variant="compact" onRetry={() => void list.refetch()} />
                  <Paginator list={list} locale="en-US" />
                </>
              );
            }
            const view = render(
              <SenseiProvider client={client} queryClient={queryClient}>
                <List />
              </SenseiProvider>,
            );
            try {
              for (let i = 0; i < 6; i += 1) await flush(50);
              const list = seen.list!;
              const firstValid = paginationSchema.safeParse({ ...envelope, page: servedPage(mode, defaultPage) }).success;
              if (!firstValid) {
                // The schema rejects it (negative, fractional, unsafe): a typed error, not a crash.
                expect(list.isError).toBe(true);
                expect(list.error?.name).toBe('SenseiResponseError');
                expect(list.error?.kind).toBe('invalid-response');
                const panel = view.container.querySelector('[data-slot="error-panel"]');
                expect(panel).toHaveAttribute('data-kind', 'unexpected');
                expect(panel?.querySelector('[data-action="retry"]')).not.toBeNull();
              } else if (list.isSuccess) {
                const totalPages = list.pagination!.total_pages;
                expect(list.page).toBeGreaterThanOrEqual(1);
                expect(list.page).toBeLessThanOrEqual(Math.max(1, totalPages));
                expectSanePaginator(view.container, totalPages);
              }
              expectSanePaginator(view.container, list.pagination?.total_pages ?? 0);
              // The hook settles: no request storm driven by the server's numbers.
              const before = fetch.mock.calls.length;
              await flush(10_000);
              expect(fetch.mock.calls.length - before).toBeLessThanOrEqual(1);
              expect(requested.length).toBeLessThanOrEqual(6);
            } finally {
              view.unmount();
              queryClient.clear();
              vi.clearAllTimers();
            }
          },
        ),
        fuzzParams(FUZZ_RUNS.paginatedList),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
