import { dehydrateSensei, SenseiProvider, senseiQueries } from '@sensei/react';
import { createSenseiClient } from '@sensei/react/core';
import { QueryClient } from '@tanstack/react-query';
import { readBrowserKey } from '../browserKey';
import { Migrations } from './Migrations';
import { PER_PAGE } from './perPage';

/** `?page=3` → 3; anything else → 1. */
function toPage(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export default async function MigrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = toPage((await searchParams).page);
  const baseUrl = process.env.SENSEI_API_URL ?? 'http://127.0.0.1:4010';

  // Server side: the secret key stays in process.env; only the dehydrated data goes to the browser.
  const serverClient = createSenseiClient({ baseUrl, apiKey: process.env.SENSEI_API_KEY });
  const queryClient = new QueryClient();
  // No retries while rendering: a 429 must not hold the response; the browser retries later.
  const queries = senseiQueries(serverClient, { retry: 0 });
  // A failure stays in the cache as a SenseiError and is dehydrated with its safe fields.
  await queryClient.query(queries.list({ path: '/v1/migrations', page, perPage: PER_PAGE })).catch(() => undefined);

  return (
    <main>
      <h1>Migrations</h1>
      {/* Plain options and a client-module function: what a Server Component can pass. */}
      <SenseiProvider config={{ baseUrl }} getApiKey={readBrowserKey}>
        <Migrations page={page} state={dehydrateSensei(queryClient)} />
      </SenseiProvider>
    </main>
  );
}
