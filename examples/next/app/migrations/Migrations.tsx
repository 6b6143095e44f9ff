'use client';
import { hydrateSensei, isSenseiError, SenseiErrorPanel, usePaginatedList, useSenseiClient } from '@sensei/react';
import { type DehydratedState, HydrationBoundary } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { PER_PAGE } from './perPage';

interface Migration {
  id: string;
  name: string;
  status: string;
}

/** Hydrates what the server fetched (real `SenseiError`s again) and shows the page from the URL. */
export function Migrations({ page, state }: { page: number; state: DehydratedState }) {
  const client = useSenseiClient();
  const hydrated = useMemo(() => hydrateSensei(state), [state]);
  // A failure of the server render (a 429): shown until the browser's own request succeeds.
  const serverError = hydrated.queries.find((query) => query.state.error)?.state.error ?? null;
  useMemo(() => {
    // The browser's gate learns the server's wait before the hook mounts: no request before it.
    if (isSenseiError(serverError) && serverError.retryAt !== undefined) {
      client.rateLimit.merge({ limit: undefined, remaining: undefined, resetAt: undefined, retryAt: serverError.retryAt });
    }
  }, [client, serverError]);
  return (
    <HydrationBoundary state={hydrated}>
      <MigrationList page={page} serverError={serverError} />
    </HydrationBoundary>
  );
}

function MigrationList({ page, serverError }: { page: number; serverError: unknown }) {
  const list = usePaginatedList<Migration>({ path: '/v1/migrations', page, perPage: PER_PAGE });
  const error = list.error ?? (list.pagination ? null : serverError);
  if (!list.pagination) {
    return error ? <SenseiErrorPanel error={error} /> : <p role="status">Loading…</p>;
  }
  const { total_pages: totalPages } = list.pagination;
  return (
    <>
      <ul aria-busy={list.isPlaceholderData} data-testid="rows">
        {list.items.map((migration) => (
          <li key={migration.id}>
            {migration.name} ({migration.status})
          </li>
        ))}
      </ul>
      <nav aria-label="Pages">
        {page > 1 ? <Link href={`/migrations?page=${page - 1}`}>Back</Link> : null}{' '}
        <span>
          Page {page} of {totalPages}
        </span>{' '}
        {page < totalPages ? <Link href={`/migrations?page=${page + 1}`}>Next</Link> : null}
      </nav>
    </>
  );
}
