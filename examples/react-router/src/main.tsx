import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Link, RouterProvider, useSearchParams } from 'react-router';
import { createSenseiClient, SenseiProvider, usePaginatedList } from '../../../src/index.js';
import { useReactRouterPageSync } from '../../../src/router/react-router.js';

declare global {
  interface Window {
    SENSEI_API_URL: string;
  }
}

interface Migration {
  id: string;
  name: string;
}

const STATUSES = ['', 'pending', 'running', 'completed', 'failed'];

function Migrations() {
  // Filter and sort live in the router too: the router sees the page beside them.
  const [search, setSearch] = useSearchParams();
  const status = search.get('status');
  const list = usePaginatedList<Migration>({ path: '/v1/migrations', params: status ? { status } : undefined, urlSync: useReactRouterPageSync() });
  // A view option, not a list param: sorts the rows on screen and keeps the page.
  const rows = search.get('sort') === 'name' ? [...list.items].sort((a, b) => a.name.localeCompare(b.name)) : list.items;
  const set = (name: string, value: string) =>
    setSearch((params) => {
      if (value) params.set(name, value);
      else params.delete(name);
      return params;
    });
  return (
    <main>
      <h1>Migrations</h1>
      <label>
        Status{' '}
        <select value={status ?? ''} onChange={(event) => set('status', event.target.value)}>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value || 'all'}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => set('sort', 'name')}>
        Sort by name
      </button>
      <ul aria-busy={list.isPlaceholderData}>
        {rows.map((migration) => (
          <li key={migration.id}>
            {migration.id} {migration.name}
          </li>
        ))}
      </ul>
      <nav aria-label="Pages">
        <button type="button" onClick={list.prevPage} aria-disabled={list.page <= 1}>
          Previous
        </button>{' '}
        <span>
          Page {list.page} of {list.pagination?.total_pages ?? '…'}
        </span>{' '}
        <button type="button" onClick={list.nextPage} aria-disabled={list.pagination?.has_next !== true}>
          Next
        </button>
      </nav>
    </main>
  );
}

const router = createBrowserRouter([
  { path: '/', element: <Link to="/migrations">Migrations</Link> },
  { path: '/migrations', element: <Migrations /> },
]);
const client = createSenseiClient({ baseUrl: window.SENSEI_API_URL, apiKey: 'pk_browser_demo' });
const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SenseiProvider client={client} queryClient={queryClient}>
      <RouterProvider router={router} />
    </SenseiProvider>
  </StrictMode>,
);
