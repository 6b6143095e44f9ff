// Infinite lists, LoadMore, EmptyState, the event stream and the error surfaces of `@sensei/react`
// (and the infinite-list helpers of `@sensei/react/core`) in a project on @tsconfig/strictest, with
// zod 4, valibot and arktype schemas. Checked by `npm run typecheck`; nothing here runs.
import { type InfiniteData, QueryClient, useInfiniteQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import {
  createSenseiClient,
  defaultEmptyStateLabels,
  defaultLoadMoreLabels,
  EmptyState,
  type EmptyStateKind,
  type EmptyStateLabels,
  type EmptyStatePart,
  type EmptyStateProps,
  type ErrorSurface,
  type ErrorSurfaceOptions,
  LoadMore,
  type LoadMoreCount,
  type LoadMoreLabels,
  type LoadMoreList,
  type LoadMorePart,
  type LoadMoreProps,
  type PageUrlState,
  type PageUrlSync,
  type PaginatorItem,
  type PaginatorItemType,
  Paginator,
  RateLimitBanner,
  type RateLimitBannerLowDetails,
  type RequestWaitReason,
  type SenseiError,
  SenseiProvider,
  type SenseiEvent,
  type SenseiEventListener,
  type SenseiEventRequest,
  type SenseiEventStream,
  useClaimError,
  useInfiniteList,
  type UseInfiniteListOptions,
  type UseInfiniteListResult,
  useSuspenseInfiniteList,
  type UseSuspenseInfiniteListOptions,
  type UseSuspenseInfiniteListResult,
} from '@sensei/react';
import * as core from '@sensei/react/core';
import {
  infiniteListItems,
  infiniteListOptions,
  type ItemKey,
  type PaginatedResponse,
  prefetchNextListPage,
  type SenseiInfiniteData,
  type SenseiInfiniteListOptions,
  type SenseiInfiniteListQuery,
  withinPrefetchBudget,
} from '@sensei/react/core';
import { arktypeItem, type Item, valibotItem, zodCount, zodItem, zodMiniItem } from './schemas.js';

const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', getApiKey: () => 'k' });
const queryClient = new QueryClient();
/** A value as strict code often has it: maybe missing. */
declare const maybeNumber: number | undefined;

test('useInfiniteList and useSuspenseInfiniteList type items from zod 4, zod/mini, valibot and arktype', () => {
  const useAll = () =>
    [
      useInfiniteList({ path: '/v1/events', itemSchema: zodItem }),
      useInfiniteList({ path: '/v1/events', itemSchema: zodMiniItem }),
      useInfiniteList({ path: '/v1/events', itemSchema: valibotItem }),
      useInfiniteList({ path: '/v1/events', itemSchema: arktypeItem }),
      useSuspenseInfiniteList({ path: '/v1/events', itemSchema: zodItem }),
      useSuspenseInfiniteList({ path: '/v1/events', itemSchema: valibotItem }),
      useSuspenseInfiniteList({ path: '/v1/events', itemSchema: arktypeItem }),
      useInfiniteList({ path: '/v1/events' }),
    ] as const;
  type All = ReturnType<typeof useAll>;
  expectTypeOf<All[0]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[1]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[2]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[3]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[0]['total']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<All[4]>().toExtend<UseSuspenseInfiniteListResult<Item>>();
  expectTypeOf<All[4]['total']>().toEqualTypeOf<number>();
  expectTypeOf<All[4]['pagination']['total']>().toEqualTypeOf<number>();
  expectTypeOf<All[5]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[6]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[7]['items']>().toEqualTypeOf<unknown[]>();

  const options: UseInfiniteListOptions<Item> = {
    path: '/v1/events',
    itemSchema: zodItem,
    perPage: maybeNumber,
    params: { q: 'x', archived: false, cursor: null },
    maxPages: 5,
    dedupeBy: 'id',
    prefetchNext: true,
    prefetchMinRemaining: 10,
    staleTime: 30_000,
    enabled: true,
    refetchOnWindowFocus: false,
  };
  const useIt = () => useInfiniteList(options);
  type Result = ReturnType<typeof useIt>;
  expectTypeOf<Result>().toEqualTypeOf<UseInfiniteListResult<Item>>();
  expectTypeOf<Result['error']>().toEqualTypeOf<SenseiError | null>();
  expectTypeOf<Result['waiting']>().toEqualTypeOf<RequestWaitReason | null>();
  expectTypeOf<Result['pages']>().toEqualTypeOf<PaginatedResponse<Item>[]>();
  expectTypeOf<Result['fetchNextPage']>().toEqualTypeOf<() => void>();
  expectTypeOf<Result['query']['data']>().toEqualTypeOf<SenseiInfiniteData<Item> | undefined>();
  // A key function for items without a natural key field.
  void ({ path: '/v1/events', itemSchema: zodItem, dedupeBy: (item) => `${item.id}:${item.name}` } satisfies UseInfiniteListOptions<Item>);
  // @ts-expect-error dedupeBy names a field of the item
  void ({ path: '/v1/events', itemSchema: zodItem, dedupeBy: 'slug' } satisfies UseInfiniteListOptions<Item>);
  // @ts-expect-error a schema of another shape is not an item schema for Item
  void ({ path: '/v1/events', itemSchema: zodCount } satisfies UseInfiniteListOptions<Item>);

  const suspenseOptions: UseSuspenseInfiniteListOptions<Item> = { path: '/v1/events', itemSchema: valibotItem, dedupeBy: 'id' };
  void suspenseOptions;
  // @ts-expect-error a suspense list is always enabled
  void ({ path: '/v1/events', enabled: false } satisfies UseSuspenseInfiniteListOptions<Item>);
});

test('LoadMore takes an infinite list, EmptyState a kind', () => {
  const list = {} as UseInfiniteListResult<Item>;
  const loadMoreList: LoadMoreList = list;
  const labels: LoadMoreLabels = {
    ...defaultLoadMoreLabels,
    loadMore: ({ count, value }: LoadMoreCount) => (value === 1 ? 'One more' : `${count} more`),
  };
  const part: LoadMorePart = 'sentinel';
  void (<LoadMore list={loadMoreList} labels={labels} classNames={{ [part]: 's' }} auto rootMargin="200px" />);
  const props: LoadMoreProps = { list, direction: 'backward', showStatus: false, locale: ['de', 'en'], labels: { loading: 'Lädt…' } };
  void (<LoadMore {...props} />);
  // @ts-expect-error LoadMore renders its own content
  void (<LoadMore list={list}>More</LoadMore>);
  // @ts-expect-error a paginated list is not an infinite list
  void (<LoadMore list={{ items: [], pagination: undefined }} />);

  const kind: EmptyStateKind = list.isError ? 'error' : 'empty';
  const emptyLabels: EmptyStateLabels = { ...defaultEmptyStateLabels, filtered: 'Nothing matches' };
  const emptyPart: EmptyStatePart = 'actions';
  const empty: EmptyStateProps = {
    kind,
    labels: emptyLabels,
    classNames: { [emptyPart]: 'a' },
    headingLevel: 3,
    onRetry: list.refetch,
    onClearFilters: () => {},
    id: 'events-empty',
  };
  void (<EmptyState {...empty} />);
  void (<EmptyState kind="filtered" title="No events" description={<p>Try fewer filters</p>} action={<a href="/new">New</a>} />);
  // @ts-expect-error headings go from 1 to 6
  void (<EmptyState headingLevel={7} />);
  // @ts-expect-error the kinds are empty, filtered and error
  void (<EmptyState kind="loading" />);
});

test('infinite-list options and helpers from @sensei/react/core', async () => {
  const input: SenseiInfiniteListQuery<Item> = { path: '/v1/events', perPage: 20, itemSchema: arktypeItem, params: undefined, maxPages: maybeNumber };
  const options: SenseiInfiniteListOptions<Item> = infiniteListOptions(client, input);
  expectTypeOf(infiniteListOptions(client, { path: '/v1/events', itemSchema: valibotItem })).toEqualTypeOf<SenseiInfiniteListOptions<{ id: string; name: string }>>();
  expectTypeOf(core.infiniteListOptions(client, { path: '/v1/events' })).toEqualTypeOf<SenseiInfiniteListOptions<unknown>>();
  // The options go straight into TanStack's own hooks, typed. Their data has `unknown` page
  // params, as with TanStack's own infiniteQueryOptions; the pages are typed.
  const useTanStack = () => useInfiniteQuery(options);
  expectTypeOf<ReturnType<typeof useTanStack>['data']>().toEqualTypeOf<InfiniteData<PaginatedResponse<Item>> | undefined>();
  expectTypeOf<ReturnType<typeof useTanStack>['error']>().toEqualTypeOf<SenseiError | null>();
  const useSuspense = () => useSuspenseInfiniteQuery(options);
  expectTypeOf<ReturnType<typeof useSuspense>['data']>().toEqualTypeOf<InfiniteData<PaginatedResponse<Item>>>();
  const data = await queryClient.fetchInfiniteQuery(options);
  expectTypeOf(data).toEqualTypeOf<SenseiInfiniteData<Item>>();
  expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<SenseiInfiniteData<Item> | undefined>();

  const byId: ItemKey<Item> = 'id';
  const byName: ItemKey<Item> = (item) => item.name.toLowerCase();
  expectTypeOf(infiniteListItems(data, byId)).toEqualTypeOf<Item[]>();
  expectTypeOf(infiniteListItems(queryClient.getQueryData(options.queryKey), byName)).toEqualTypeOf<Item[]>();
  expectTypeOf(infiniteListItems({ pages: data.pages })).toEqualTypeOf<Item[]>();
  // @ts-expect-error the key names a field of the item
  infiniteListItems(data, 'slug');

  expectTypeOf(prefetchNextListPage(queryClient, client, input)).toEqualTypeOf<boolean>();
  expectTypeOf(withinPrefetchBudget(client.rateLimit)).toEqualTypeOf<boolean>();
  expectTypeOf(withinPrefetchBudget(client.rateLimit, 10)).toEqualTypeOf<boolean>();
});

test('the client event stream', () => {
  const stream: SenseiEventStream = client.events;
  const listener: SenseiEventListener = (event: SenseiEvent) => {
    switch (event.type) {
      case 'answered': {
        const request: SenseiEventRequest = event.request;
        expectTypeOf(event.requestId).toEqualTypeOf<string | undefined>();
        expectTypeOf(event.headers).toEqualTypeOf<Headers>();
        void request.url;
        break;
      }
      case 'failed':
        expectTypeOf(event.error).toEqualTypeOf<SenseiError>();
        break;
      case 'held':
        expectTypeOf(event.until).toEqualTypeOf<number | undefined>();
        break;
      case 'retried':
        expectTypeOf(event.attempt).toEqualTypeOf<number>();
        // @ts-expect-error a retry is not tied to one request
        void event.request;
        break;
      default:
        expectTypeOf(event.type).toEqualTypeOf<'released' | 'sent'>();
    }
  };
  const unsubscribe = stream.subscribe(listener);
  expectTypeOf(unsubscribe).toEqualTypeOf<() => void>();
  const coreStream: core.SenseiEventStream = client.events;
  const coreListener: core.SenseiEventListener = (event: core.SenseiEvent) => void event.at;
  const request: core.SenseiEventRequest = { id: 1, method: 'GET', url: '/v1/events' };
  coreStream.emit({ type: 'sent', at: 0, request });
  void coreStream.subscribe(coreListener);
});

test('error surfaces: the provider rule and claims', () => {
  const surfaces: ErrorSurfaceOptions = { backgroundToasts: false, rateLimited: 'banner' };
  void (
    <SenseiProvider client={client} queryClient={queryClient} surfaces={surfaces}>
      x
    </SenseiProvider>
  );
  void (<SenseiProvider client={client} surfaces={{ rateLimited: 'toast' }} />);
  // @ts-expect-error a rate limit shows in a banner or a toast
  void (<SenseiProvider client={client} surfaces={{ rateLimited: 'panel' }} />);
  const surface: ErrorSurface = 'panel';
  void surface;
  const useClaim = (error: SenseiError | null) => useClaimError(error);
  expectTypeOf(useClaim).returns.toEqualTypeOf<void>();
});

test('Paginator items, URL state and the low rate-limit label', () => {
  const type: PaginatorItemType = 'next';
  const renderItem = (item: PaginatorItem) => (item.current ? <span>{item.page}</span> : <a href={item.href}>{item.type === type ? 'Next' : item.page}</a>);
  void (<Paginator pagination={{ page: 1, per_page: 10, total: 30, total_pages: 3, has_next: true, has_prev: false }} onPageChange={() => {}} renderItem={renderItem} />);
  const sync = {} as PageUrlSync;
  const state: PageUrlState = sync.read();
  expectTypeOf(state.perPage).toEqualTypeOf<number | undefined>();
  const low = ({ formatted, resetTime }: RateLimitBannerLowDetails) => `${formatted.remaining} of ${formatted.limit} left${resetTime ? ` until ${resetTime}` : ''}`;
  void (<RateLimitBanner labels={{ low }} />);
});
