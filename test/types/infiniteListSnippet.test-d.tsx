// The README's "Infinite lists" snippet, type-checked by `npm run typecheck` (nothing here runs).
// Keep it in step with README.md.
import { useInfiniteQuery } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import * as z from 'zod/mini';
import {
  infiniteListOptions,
  LoadMore,
  type PaginatedResponse,
  type SenseiClient,
  type SenseiError,
  SenseiErrorPanel,
  useInfiniteList,
  useSuspenseInfiniteList,
} from '../../src/index.js';

const Activity = z.object({ id: z.string(), message: z.string() });
declare const client: SenseiClient;

test('README: Infinite lists', () => {
  function ActivityFeed() {
    const feed = useInfiniteList({ path: '/v1/activity', itemSchema: Activity, maxPages: 10 });
    expectTypeOf(feed.items).toEqualTypeOf<{ id: string; message: string }[]>();
    expectTypeOf(feed.error).toEqualTypeOf<SenseiError | null>();
    return (
      <>
        {feed.hasPreviousPage && <LoadMore list={feed} direction="backward" />}
        <ol>
          {feed.items.map((event) => (
            <li key={event.id}>{event.message}</li>
          ))}
        </ol>
        {feed.isFetchNextPageError && <SenseiErrorPanel error={feed.error} variant="compact" />}
        <LoadMore list={feed} auto />
      </>
    );
  }
  function Factory() {
    const query = useInfiniteQuery(infiniteListOptions(client, { path: '/v1/activity', itemSchema: Activity }));
    expectTypeOf(query.data?.pages).toEqualTypeOf<PaginatedResponse<{ id: string; message: string }>[] | undefined>();
    const suspended = useSuspenseInfiniteList({ path: '/v1/activity', itemSchema: Activity });
    expectTypeOf(suspended.total).toEqualTypeOf<number>();
    return null;
  }
  void ActivityFeed;
  void Factory;
});
