'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useContext, useMemo, useState } from 'react';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import { createSenseiClient, type SenseiClient, type SenseiClientOptions } from '../core/createSenseiClient.js';
import { createRetryPolicy, type RetryPolicyOptions } from '../core/retryPolicy.js';
import { defaultRetryPolicy } from '../core/senseiQueries.js';
import type { ErrorSurfaceOptions } from './RetryActivityStore.js';
import { SenseiContext, type SenseiContextValue } from './SenseiContext.js';

/**
 * The client options a Server Component can pass: plain data only (functions, stores and
 * `fetch` do not cross to a Client Component). The key comes from `getApiKey`, never from here.
 */
export type SenseiClientConfig = Pick<
  SenseiClientOptions,
  'baseUrl' | 'authHeader' | 'authScheme' | 'timeoutMs' | 'headers' | 'rateLimitGate' | 'shareAcrossTabs' | 'maxServerDelayMs' | 'requireApiKey'
>;

export interface SenseiProviderProps {
  /** The client from `createSenseiClient`. Create it once, outside render. Wins over `config`. */
  client?: SenseiClient;
  /**
   * Options to build the client from, once per provider, where it renders (the browser): what a
   * Server Component renders, as a client object cannot cross to a Client Component.
   */
  config?: SenseiClientConfig;
  /**
   * Reads the API key of the client built from `config`. A function, so it is passed from a
   * client module (a Server Component cannot pass functions); read on each request.
   */
  getApiKey?: SenseiClientOptions['getApiKey'];
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
  /**
   * Where failures show — one place each: in the `<SenseiErrorPanel>` or `<SenseiErrorBoundary>`
   * that renders the failing data, else in one toast per query of `<SenseiToaster>`. Background
   * work (prefetches, refetches of data not on screen) never toasts; a query opts out with
   * `meta: { senseiToast: false }`. See "Where errors show" in the README.
   * @default { backgroundToasts: false, rateLimited: 'banner' }
   */
  surfaces?: ErrorSurfaceOptions;
  children?: ReactNode;
}

/**
 * Makes a Sensei client available to the hooks and components below it. Reuses an enclosing
 * `QueryClientProvider` so Sensei queries share the app's cache and devtools.
 */
export function SenseiProvider({ client: given, config, getApiKey, queryClient, retry, errorCatalog, surfaces: surfacesProp, children }: SenseiProviderProps) {
  // Built once: a new client per render would drop its rate-limit store and refetch every key.
  const [built] = useState(() => (given ? undefined : createSenseiClient({ ...(config as SenseiClientConfig), getApiKey })));
  const client = (given ?? built) as SenseiClient;
  const ambient = useContext(QueryClientContext);
  const [own] = useState(() => (queryClient || ambient ? undefined : new QueryClient()));
  const resolved = (queryClient ?? ambient ?? own) as QueryClient;
  const retryKey = typeof retry === 'object' ? JSON.stringify(retry, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v)) : retry;
  // Without `retry`, the factories' default policy itself: `senseiQueries(client)` retries alike.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value so inline options do not churn
  const retryPolicy = useMemo(() => (retry === undefined ? defaultRetryPolicy : createRetryPolicy(retry)), [retryKey]);
  // Keyed by value: an inline `surfaces` object must not start a new retry store each render.
  const { backgroundToasts, rateLimited } = surfacesProp ?? {};
  const surfaces = useMemo(() => ({ backgroundToasts, rateLimited }), [backgroundToasts, rateLimited]);
  const value = useMemo<SenseiContextValue>(
    () => ({ client, queryClient: resolved, retryPolicy, errorCatalog, surfaces }),
    [client, resolved, retryPolicy, errorCatalog, surfaces],
  );
  const content = <SenseiContext.Provider value={value}>{children}</SenseiContext.Provider>;
  return resolved === ambient ? content : <QueryClientProvider client={resolved}>{content}</QueryClientProvider>;
}
