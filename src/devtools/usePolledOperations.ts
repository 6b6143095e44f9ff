'use client';
import type { Query, QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { SenseiClient } from '../core/createSenseiClient.js';

/** An operation this app polls, read from the query cache. */
export interface DevtoolsOperation {
  /** The status URL polled. */
  statusUrl: string;
  /** The operation's status as the server last said it. */
  status: string | undefined;
  /** When the next poll goes out (epoch ms), if one is scheduled. */
  nextPollAt: number | undefined;
  /** `this`: this tab's watchers poll it; `other`: another tab leads and this one follows. */
  leader: 'this' | 'other';
}

type AnyQuery = Query<unknown, unknown, unknown, readonly unknown[]>;

function describe(query: AnyQuery, sharesAcrossTabs: boolean): DevtoolsOperation | undefined {
  const [, , , statusUrl] = query.queryKey;
  // A follower tab's watcher stays subscribed with its poll turned off: the leader's answers reach it.
  const polling = query.observers.filter((observer) => observer.options.enabled !== false);
  const follows = polling.length === 0 && query.observers.length > 0 && sharesAcrossTabs;
  if (typeof statusUrl !== 'string' || (polling.length === 0 && !follows)) return undefined;
  let nextPollAt: number | undefined;
  for (const observer of polling) {
    const interval = observer.options.refetchInterval;
    const ms = typeof interval === 'function' ? interval(query as never) : interval;
    if (typeof ms === 'number' && Number.isFinite(ms)) nextPollAt = Math.min(nextPollAt ?? Infinity, query.state.dataUpdatedAt + ms);
  }
  const data = query.state.data as { operation?: { status?: unknown } } | undefined;
  const status = typeof data?.operation?.status === 'string' ? data.operation.status : undefined;
  return { statusUrl, status, nextPollAt, leader: follows ? 'other' : 'this' };
}

/** The operations of `client` polled now, from `queryClient`'s cache; re-read on every cache event. */
export function usePolledOperations(queryClient: QueryClient, client: SenseiClient): readonly DevtoolsOperation[] {
  const cache = queryClient.getQueryCache();
  const last = useRef<{ key: string; value: readonly DevtoolsOperation[] }>({ key: '', value: [] });
  const read = useCallback(() => {
    const value = cache
      .findAll({ queryKey: ['sensei', client.apiId, 'operation'] })
      .map((query) => describe(query as AnyQuery, client.sharesAcrossTabs === true))
      .filter((entry): entry is DevtoolsOperation => entry !== undefined);
    const key = JSON.stringify(value);
    if (key !== last.current.key) last.current = { key, value };
    return last.current.value;
  }, [cache, client]);
  return useSyncExternalStore(cache.subscribe, read, read);
}
