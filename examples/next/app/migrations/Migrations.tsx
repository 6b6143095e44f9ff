'use client';
import { hydrateSensei, isSenseiError, SenseiErrorPanel, usePaginatedList, useSenseiClient } from '@sensei/react';
import { useNextPageSync } from '@sensei/react/router/next';
import { type DehydratedState, HydrationBoundary } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { listParams, PER_PAGE } from './perPage';

interface Migration {
  id: string;
  name: string;
  status: string;
}

/** Hydrates what the server fetched (real `SenseiError`s again) and shows the page from the URL. */
export function Migrations({ state }: { state: DehydratedState }) {
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
      <MigrationList serverError={serverError} />
    </HydrationBoundary>
  );
}

const STATUSES = ['', 'pending', 'running', 'completed', 'failed'];

function MigrationList({ serverError }: { serverError: unknown }) {
  // The page lives in Next's URL: server-rendered from it, shallow history entries per page
  // (no Server Component round trip), Back/Forward between pages, `status` kept.
  const urlSync = useNextPageSync();
  const status = useSearchParams().get('status');
  const list = usePaginatedList<Migration>({ path: '/v1/migrations', perPage: PER_PAGE, params: listParams(status), urlSync });
  const error = list.error ?? (list.pagination ? null : serverError);

  // The app's own filter, in the URL the same shallow way; the list goes back to page 1 itself.
  function filter(next: string) {
    const search = new URLSearchParams(window.location.search);
    if (next) search.set('status', next);
    else search.delete('status');
    window.history.pushState(null, '', `?${search}`);
  }

  if (!list.pagination) {
    return error ? <SenseiErrorPanel error={error} /> : <p role="status">Loading…</p>;
  }
  const { total_pages: totalPages } = list.pagination;
  return (
    <>
      <label>
        Status{' '}
        <select value={status ?? ''} onChange={(event) => filter(event.target.value)}>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value || 'all'}
            </option>
          ))}
        </select>
      </label>
      <ul aria-busy={list.isPlaceholderData} data-testid="rows">
        {list.items.map((migration) => (
          <li key={migration.id}>
            {migration.name} ({migration.status})
          </li>
        ))}
      </ul>
      <nav aria-label="Pages">
        <button type="button" onClick={list.prevPage} aria-disabled={list.page <= 1}>
          Previous
        </button>{' '}
        <span>
          Page {list.page} of {totalPages}
        </span>{' '}
        <button type="button" onClick={list.nextPage} aria-disabled={list.page >= totalPages}>
          Next
        </button>
      </nav>
    </>
  );
}
