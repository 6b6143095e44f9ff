'use client';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import type { SenseiClient } from '../core/createSenseiClient.js';
import type { RetryPolicy } from '../core/retryPolicy.js';
import type { ErrorSurfaceOptions } from './RetryActivityStore.js';

/** What `<SenseiProvider>` hands to the hooks. */
export interface SenseiContextValue {
  client: SenseiClient;
  queryClient: QueryClient;
  retryPolicy: RetryPolicy;
  errorCatalog: ErrorCatalog | undefined;
  /** The rule of where failures show. */
  surfaces: ErrorSurfaceOptions | undefined;
}

export const SenseiContext = createContext<SenseiContextValue | null>(null);

/** Reads the provider; `hookName` makes the misuse message say which hook was misplaced. */
export function useSenseiContext(hookName: string): SenseiContextValue {
  const value = useContext(SenseiContext);
  if (!value) {
    throw new Error(
      `\`${hookName}\` must be used within \`<SenseiProvider>\`: wrap your app in <SenseiProvider client={createSenseiClient({ baseUrl, apiKey })}>.`,
    );
  }
  return value;
}
