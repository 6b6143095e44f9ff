import { act, fireEvent, render, screen } from '@testing-library/react';
import { parseAsString, useQueryState } from 'nuqs';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { useNuqsPageSync } from '../../src/router/useNuqsPageSync.js';
import { createHarness } from '../react/senseiTestHarness.js';
import { click as clickIn, firstIdOf, PagedList, shown } from './PagedList.js';

// nuqs writes the URL at most every 50 ms; its state changes at once.
const flush = (ms = 60) => act(() => vi.advanceTimersByTimeAsync(ms));
const click = (button: string, name?: string) => clickIn(button, name, 60);

function ListWithPrefix({ prefix, status }: { prefix: string; status: string }) {
  const urlSync = useNuqsPageSync({ prefix });
  return <PagedList name={prefix ? `List ${prefix}` : 'Migrations'} urlSync={urlSync} params={{ status }} />;
}

/** The app's own nuqs state beside the lists: a filter and a view-only sort. */
function MigrationsPage({ prefixes = [''] }: { prefixes?: string[] }) {
  const [status, setStatus] = useQueryState('status', parseAsString.withDefault('all').withOptions({ history: 'push' }));
  const [, setSort] = useQueryState('sort');
  return (
    <>
      <button type="button" onClick={() => void setStatus('completed')}>
        Completed only
      </button>
      <button type="button" onClick={() => void setSort('name')}>
        Sort by name
      </button>
      {prefixes.map((prefix) => (
        <ListWithPrefix key={prefix} prefix={prefix} status={status} />
      ))}
    </>
  );
}

describe('useNuqsPageSync (nuqs)', () => {
  beforeEach(() => {
    // Not `performance`: nuqs' global URL queue times its throttle with performance.now(), and a
    // fake one restarting at 0 in each test would hold the next test's writes for as long as
    // the previous test's clock ran.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  async function renderWithNuqs(path: string, prefixes?: string[]) {
    window.history.pushState(null, '', '/start');
    const start = window.history.length;
    window.history.pushState(null, '', path);
    const h = createHarness();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <h.wrapper>
        <NuqsAdapter>{children}</NuqsAdapter>
      </h.wrapper>
    );
    render(<MigrationsPage prefixes={prefixes} />, { wrapper });
    await flush();
    return { h, start };
  }
  const asked = (h: ReturnType<typeof createHarness>) => h.api.requests.map((r) => `${r.searchParams.get('status')}:${r.searchParams.get('page')}`);

  it('pages in the URL, keeps the filter and another key, and Back/Forward move between pages', async () => {
    const { h } = await renderWithNuqs('/migrations?status=running');
    expect(shown()).toBe(`Page 1 of 3, first ${firstIdOf(1)}`);
    await click('Next');
    await click('Next');
    expect(window.location.search).toBe('?status=running&page=3');
    fireEvent.click(screen.getByRole('button', { name: 'Sort by name' }));
    await flush();
    expect(window.location.search).toBe('?status=running&page=3&sort=name');
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);

    // nuqs replaces by default: the sort took the place of page 3's entry.
    act(() => window.history.back());
    await flush(10);
    expect(shown()).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
    act(() => window.history.forward());
    await flush(10);
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(asked(h)).toEqual(['running:1', 'running:2', 'running:3']);
  });

  it('a filter change goes back to page 1 in place; a page past the end is clamped with replace', async () => {
    const { h, start } = await renderWithNuqs('/migrations?page=9');
    await flush();
    expect(shown()).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(window.location.search).toBe('?page=3');
    expect(window.history.length).toBe(start + 1);
    fireEvent.click(screen.getByRole('button', { name: 'Completed only' }));
    await flush();
    await flush();
    expect(window.location.search).toBe('?page=1&status=completed');
    expect(window.history.length).toBe(start + 2);
    expect(asked(h)).toEqual(['all:9', 'all:3', 'completed:1']);
  });

  it('two prefixed lists share the URL, both clamping together', async () => {
    const { start } = await renderWithNuqs('/migrations?a_page=9&b_page=7', ['a_', 'b_']);
    await flush();
    await flush();
    expect(window.location.search).toBe('?a_page=3&b_page=3');
    expect(window.history.length).toBe(start + 1);
    await click('Previous', 'List b_');
    await click('Previous', 'List a_');
    expect(window.location.search).toBe('?a_page=2&b_page=2');
    act(() => window.history.back());
    await flush(10);
    expect(shown('List a_')).toBe(`Page 3 of 3, first ${firstIdOf(3)}`);
    expect(shown('List b_')).toBe(`Page 2 of 3, first ${firstIdOf(2)}`);
  });

  it('server-renders the requested page (nuqs testing adapter)', async () => {
    vi.useRealTimers();
    const h = createHarness();
    await h.queryClient.query(senseiQueries(h.client).list({ path: '/v1/migrations', page: 2, params: { status: 'running' } }));
    const html = renderToString(
      <h.wrapper>
        <NuqsTestingAdapter searchParams="?status=running&page=2">
          <MigrationsPage />
        </NuqsTestingAdapter>
      </h.wrapper>,
    );
    expect(html).toContain(`Page <!-- -->2<!-- --> of <!-- -->3<!-- -->, first <!-- -->${firstIdOf(2)}`);
    expect(h.api.countRequests({ path: '/v1/migrations' })).toBe(1);
  });
});
