import { act, fireEvent, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { PageUrlSync } from '../../src/react/createLocationPageSync.js';
import type { QueryParams } from '../../src/core/createSenseiClient.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';

/** A list as an app shows it: its page, the first row's id and two buttons, in a named region. */
export function PagedList({ name, urlSync, params }: { name: string; urlSync: PageUrlSync; params?: QueryParams }) {
  const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations', params, urlSync, prefetchNext: false });
  return (
    <section aria-label={name}>
      <p>
        Page {list.page} of {list.pagination?.total_pages ?? '?'}, first {list.items[0]?.id ?? 'none'}
      </p>
      <button type="button" onClick={list.prevPage}>
        Previous
      </button>
      <button type="button" onClick={list.nextPage}>
        Next
      </button>
    </section>
  );
}

/** The id of the first migration on `page` (50 per page, ids counted from 1). */
export const firstIdOf = (page: number) => `mig_${String((page - 1) * 50 + 1).padStart(6, '0')}`;

/** What the list named `name` says it shows: "Page 2 of 3, first mig_000051". */
export const shown = (name = 'Migrations') => within(screen.getByRole('region', { name })).getByText(/^Page/).textContent;

/** Clicks a button of the list named `name`, then lets `settleMs` pass on the fake clock. */
export async function click(button: string, name = 'Migrations', settleMs = 0) {
  fireEvent.click(within(screen.getByRole('region', { name })).getByRole('button', { name: button }));
  await act(() => vi.advanceTimersByTimeAsync(settleMs));
}
