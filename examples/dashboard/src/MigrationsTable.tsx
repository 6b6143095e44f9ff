import { Paginator, SenseiErrorPanel, senseiThrowOnError, usePaginatedList } from '../../../src/index.js';
import { MIGRATIONS_PATH, type Migration } from './migration.js';

const PER_PAGE_OPTIONS = [10, 25, 50] as const;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();

/** `?page=3&per_page=25`: the paginator renders links, so a page can be opened in a new tab. */
function pageHref(page: number, perPage: number | undefined): string {
  const params = new URLSearchParams(window.location.search);
  params.set('page', String(page));
  if (perPage !== undefined) params.set('per_page', String(perPage));
  return `?${params.toString()}`;
}

function formatDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

function records(migration: Migration): string {
  if (migration.status === 'completed' && migration.result?.records_migrated !== undefined) {
    return numberFormat.format(migration.result.records_migrated);
  }
  if (migration.status === 'failed') return migration.error?.code ?? '—';
  if (migration.progress) return `${migration.progress.percent}%`;
  return '—';
}

/**
 * The migrations list: `usePaginatedList` with the page in the URL, the next page prefetched,
 * the previous page on screen (marked busy) while another loads. Server and network failures
 * with nothing on screen go to the page's error boundary (`senseiThrowOnError`); the others
 * show here.
 */
export function MigrationsTable() {
  const list = usePaginatedList<Migration>({
    path: MIGRATIONS_PATH,
    urlSync: true,
    defaultPerPage: PER_PAGE_OPTIONS[0],
    throwOnError: senseiThrowOnError,
  });
  const { pagination } = list;
  const busy = list.isPlaceholderData || list.isPending;

  return (
    <section className="demo-card demo-migrations" aria-labelledby="migrations-title">
      <div className="demo-card-header">
        <h2 id="migrations-title">Migrations</h2>
        <span className="demo-fetching" data-active={list.isFetching || undefined} aria-hidden="true">
          Updating…
        </span>
        <button type="button" className="demo-button" onClick={() => void list.refetch()}>
          Refresh
        </button>
      </div>

      {list.error && (
        <SenseiErrorPanel
          error={list.error}
          variant={list.items.length > 0 ? 'compact' : 'full'}
          headingLevel={3}
          onRetry={() => void list.refetch()}
          className="demo-inline-error"
        />
      )}

      <div className="demo-table-scroll">
        <table className="demo-table" aria-busy={busy} data-page={pagination?.page}>
          <caption className="demo-visually-hidden">
            {pagination ? `Migrations, page ${list.page} of ${pagination.total_pages}` : 'Migrations'}
          </caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col" className="demo-numeric">
                Records
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {list.isPending && !list.error ? (
              <tr>
                <td colSpan={5} className="demo-table-message">
                  Loading migrations…
                </td>
              </tr>
            ) : list.items.length === 0 && !list.error ? (
              <tr>
                <td colSpan={5} className="demo-table-message">
                  No migrations yet.
                </td>
              </tr>
            ) : (
              list.items.map((migration) => (
                <tr key={migration.id}>
                  <td>
                    <code>{migration.id}</code>
                  </td>
                  <td>{migration.name}</td>
                  <td>
                    <span className="demo-badge" data-status={migration.status}>
                      {migration.status}
                    </span>
                  </td>
                  <td className="demo-numeric">{records(migration)}</td>
                  <td>
                    <time dateTime={migration.created_at}>{formatDate(migration.created_at)}</time>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <Paginator
        list={list}
        perPageOptions={PER_PAGE_OPTIONS}
        getHref={(page) => pageHref(page, list.perPage)}
        labels={{ nav: 'Migrations pages' }}
        className="demo-paginator"
      />
    </section>
  );
}
