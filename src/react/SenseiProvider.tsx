'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useContext, useMemo, useState } from 'react';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import type { SenseiClient } from '../core/createSenseiClient.js';
import { createRetryPolicy, type RetryPolicyOptions } from '../core/retryPolicy.js';
import { defaultRetryPolicy } from '../core/senseiQueries.js';
import { SenseiContext, type SenseiContextValue } from './SenseiContext.js';

export interface SenseiProviderProps {
  /** The client from `createSenseiClient`. Create it once, outside render. */
  client: SenseiClient;
  /**
   * The TanStack `QueryClient` to use.
   * @default the one from an enclosing `<QueryClientProvider>`, else one created for the provider
   */
  queryClient?: QueryClient;
  /**
   * Retry policy of every Sensei query: a count or options.
   * @default { retries: 3, baseDelayMs: 1000, maxDelayMs: 30000 }
   */
  retry?: RetryPolicyOptions | number;
  /** Per-code overrides of titles, messages and UI states (see `toErrorState`). */
  errorCatalog?: ErrorCatalog;
  children?: ReactNode;
}

/**
 * Makes a Sensei client available to the hooks and components below it. Reuses an enclosing
 * `QueryClientProvider` so Sensei queries share the app's cache and devtools.
 */
export function SenseiProvider({ client, queryClient, retry, errorCatalog, children }: SenseiProviderProps) {
  const ambient = useContext(QueryClientContext);
  const [own] = useState(() => (queryClient || ambient ? undefined : new QueryClient()));
  const resolved = (queryClient ?? ambient ?? own) as QueryClient;
  const retryKey = typeof retry === 'object' ? JSON.stringify(retry, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v)) : retry;
  // Without `retry`, the factories' default policy itself: `senseiQueries(client)` retries alike.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value so inline options do not churn
  const retryPolicy = useMemo(() => (retry === undefined ? defaultRetryPolicy : createRetryPolicy(retry)), [retryKey]);
  const value = useMemo<SenseiContextValue>(
    () => ({ client, queryClient: resolved, retryPolicy, errorCatalog }),
    [client, resolved, retryPolicy, errorCatalog],
  );
  const content = <SenseiContext.Provider value={value}>{children}</SenseiContext.Provider>;
  return resolved === ambient ? content : <QueryClientProvider client={resolved}>{content}</QueryClientProvider>;
}
