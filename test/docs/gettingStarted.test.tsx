// docs/guides/getting-started.md is run as a user follows it: its files are written out as
// printed, type-checked like a Vite app, and src/main.tsx is imported into a page with a #root.
// What the test then sees (rows, paging, a finished migration, a 429 waited out) is what the
// guide promises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type * as ReactDomClient from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockSenseiApi } from '../../src/testing/index.js';
import { extractSnippets, ROOT, typeErrors, writeSnippets, type WrittenSnippets } from './markdownSnippets.js';

const roots = vi.hoisted(() => [] as Root[]);
// main.tsx calls createRoot itself; keep its roots so each test unmounts what it rendered.
vi.mock('react-dom/client', async (importOriginal) => {
  const real = await importOriginal<typeof ReactDomClient>();
  return {
    ...real,
    createRoot: (...args: Parameters<typeof real.createRoot>) => {
      const root = real.createRoot(...args);
      roots.push(root);
      return root;
    },
  };
});

const GUIDE = join(ROOT, 'docs/guides/getting-started.md');
// The first import transforms the whole library on demand: slow on a loaded machine.
const RUN_TIMEOUT = 30_000;
let written: WrittenSnippets;

beforeAll(() => {
  written = writeSnippets(extractSnippets(readFileSync(GUIDE, 'utf8'), 'getting-started.md'), 'getting-started');
});
afterAll(() => written.remove());
afterEach(() => {
  act(() => {
    for (const root of roots.splice(0)) root.unmount();
  });
  document.body.innerHTML = '';
  vi.resetModules();
});

async function openApp(): Promise<{ mock: MockSenseiApi; scenarios: Record<string, () => void> }> {
  vi.useFakeTimers({ shouldAdvanceTime: false });
  const root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
  await act(async () => {
    await import(/* @vite-ignore */ written.file('src/main.tsx'));
  });
  const { mock } = (await import(/* @vite-ignore */ written.file('src/sensei.ts'))) as { mock: MockSenseiApi };
  const scenarios = (await import(/* @vite-ignore */ written.file('src/scenarios.ts'))) as Record<string, () => void>;
  await act(() => vi.advanceTimersByTimeAsync(50));
  return { mock, scenarios };
}

const rows = () => within(screen.getByRole('region', { name: 'Migrations' })).getAllByRole('listitem').filter((item) => !item.closest('nav'));

describe('docs/guides/getting-started.md', () => {
  it('names a file for every code block and the files it imports exist', () => {
    const paths = written.files.map((file) => file.slice(written.dir.length + 1));
    expect(paths).toEqual(expect.arrayContaining(['src/sensei.ts', 'src/Migrations.tsx', 'src/StartMigration.tsx', 'src/App.tsx', 'src/main.tsx', 'src/scenarios.ts', 'src/sensei.real.ts']));
  });

  it('compiles as printed (strict TypeScript, as a Vite app)', () => {
    expect(typeErrors(written.files)).toEqual([]);
  }, 60_000);

  it('shows 20 of the 120 mock migrations and pages through them', async () => {
    const { mock } = await openApp();
    expect(rows()).toHaveLength(20);
    expect(screen.getByText('Showing 1–20 of 120')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByText('Showing 21–40 of 120')).toBeInTheDocument();
    expect(rows()).toHaveLength(20);
    // Page 2 was prefetched: the click cost no request of its own beyond the next prefetch.
    expect(mock.countRequests({ method: 'GET', path: '/v1/migrations' })).toBeLessThanOrEqual(3);
  }, RUN_TIMEOUT);

  it('starts a migration, follows it to "Completed" and lists it', async () => {
    const { mock } = await openApp();
    fireEvent.click(screen.getByRole('button', { name: 'Start migration' }));
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(mock.countRequests({ method: 'POST', path: '/v1/migrations' })).toBe(1);

    // The mock completes a migration on its fifth status poll, one second apart.
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(within(screen.getByRole('region', { name: 'New migration' })).getByText('Completed')).toBeInTheDocument();
    expect(mock.itemCount).toBe(121);
    expect(screen.getByText('Showing 1–20 of 121')).toBeInTheDocument();
  }, RUN_TIMEOUT);

  it('after rateLimitOnce(), waits out the 429 and then shows the page', async () => {
    const { mock, scenarios } = await openApp();
    scenarios.rateLimitOnce?.();
    mock.clearRequests();
    fireEvent.click(screen.getByRole('button', { name: 'Last page' }));
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(mock.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(1);
    // The banner counts down the server's three seconds, and only the banner: a 429 shows in
    // one place (no retry toast beside it). Nothing more is sent meanwhile.
    expect(screen.getAllByText(/Rate limit reached/).length).toBeGreaterThan(0);
    expect(screen.queryAllByText(/Waiting for the rate limit/)).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(2_500));
    expect(mock.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(1);

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(screen.getByText('Showing 101–120 of 120')).toBeInTheDocument();
  }, RUN_TIMEOUT);
});
