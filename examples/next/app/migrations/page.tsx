import { dehydrateSensei, SenseiProvider, senseiQueries } from '@sensei/react';
import { createSenseiClient } from '@sensei/react/core';
import { QueryClient } from '@tanstack/react-query';
import { readBrowserKey } from '../browserKey';
import { Migrations } from './Migrations';
import { listParams, PER_PAGE } from './perPage';

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** `?page=3` → 3; anything else → 1 (the same rule as the list's URL adapter). */
function toPage(value: string | undefined): number {
  const page = Number(value);
  return value !== undefined && /^\d+$/.test(value) && Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

export default async function MigrationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = await searchParams;
  const page = toPage(first(search.page));
  const params = listParams(first(search.status));
  const baseUrl = process.env.SENSEI_API_URL ?? 'http://127.0.0.1:4010';

  // Server side: the secret key stays in process.env; only the dehydrated data goes to the browser.
  const serverClient = createSenseiClient({ baseUrl, apiKey: process.env.SENSEI_API_KEY });
  const queryClient = new QueryClient();
  // No retries while rendering: a 429 must not hold the response; the browser retries later.
  const queries = senseiQueries(serverClient, { retry: 0 });
  // The page the URL asks for, with the same key the browser's hook builds from the same URL
  // (useNextPageSync reads it with useSearchParams), so hydration finds it and asks for nothing.
  await queryClient.query(queries.list({ path: '/v1/migrations', page, perPage: PER_PAGE, params })).catch(() => undefined);

  return (
    <main>
      <h1>Migrations</h1>
      {/* Plain options and a client-module function: what a Server Component can pass. */}
      <SenseiProvider config={{ baseUrl }} getApiKey={readBrowserKey}>
        <Migrations state={dehydrateSensei(queryClient)} />
      </SenseiProvider>
    </main>
  );
}
