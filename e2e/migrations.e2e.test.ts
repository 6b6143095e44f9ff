import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { MOCK_API_KEY } from '../examples/dashboard/server/startDemoServer.js';
import { apiRequests, expectNoAxeViolations, screenshot, setScenario, setupE2E, waitForRows } from './harness.js';

const { ctx, open } = setupE2E();

const progress = (page: Page) => page.locator('[data-slot="operation-progress"]');
const polls = () => apiRequests(ctx.api, { method: 'GET', pathPrefix: '/v1/migrations/' });
const starts = () => apiRequests(ctx.api, { method: 'POST', path: '/v1/migrations' });

async function start(page: Page, name: string): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Name' });
  await field.fill(name);
  await page.getByRole('button', { name: 'Start migration' }).click();
}

describe('migrations', () => {
  it('runs from start to completed, resuming its polling after a reload in the middle', async () => {
    const { page } = await open('/');
    await setScenario(page, { scenario: { operations: { pollsToComplete: 5, retryAfterSeconds: 1 } } });

    await start(page, 'E2E: import users');
    await progress(page).and(page.locator('[data-state="polling"]')).waitFor({ timeout: 5_000 });
    expect(starts()).toHaveLength(1);
    expect(starts()[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => polls().length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow')).toMatch(/^\d+$/);
    await screenshot(page, '07-migration-running');

    // Reload mid-way: the operation comes back from localStorage and polling resumes.
    const pollsBefore = polls().length;
    await page.reload();
    await waitForRows(page);
    await expect.poll(() => progress(page).getAttribute('data-state'), { timeout: 5_000 }).toMatch(/^(polling|succeeded)$/);
    await expect.poll(() => polls().length, { timeout: 5_000 }).toBeGreaterThan(pollsBefore);

    await expect.poll(() => progress(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('succeeded');
    expect(await progress(page).getByRole('status').textContent()).toBe('Completed');
    expect(starts()).toHaveLength(1); // the reload resumed; it did not start another
    const id = polls()[0]?.path.split('/').at(-1);
    expect(polls().every((record) => record.path === `/v1/migrations/${id}`)).toBe(true);
    await page.locator('[data-slot="toast"]', { hasText: 'Migration completed' }).waitFor({ timeout: 5_000 });
    // Finished operations are forgotten: nothing left to resume.
    expect(await page.evaluate(() => localStorage.getItem('sensei:operation:sensei-demo:migration'))).toBeNull();

    // The new migration is in the list, completed, on the last page.
    await page.getByRole('link', { name: 'Last page' }).click();
    await waitForRows(page, 16);
    const row = page.locator('table.demo-table tbody tr', { hasText: 'E2E: import users' });
    expect(await row.locator('.demo-badge').textContent()).toBe('completed');
    await screenshot(page, '08-migration-completed');
  });

  it('shows a failed migration in the error panel with its request id', async () => {
    const { page } = await open('/');
    await setScenario(page, { scenario: { operations: { outcome: 'failed', pollsToComplete: 2, retryAfterSeconds: 1 } } });

    await start(page, 'E2E: doomed');
    await expect.poll(() => progress(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    const panel = progress(page).getByRole('alert');
    expect(await panel.textContent()).toContain('upstream connection lost');

    // The request id on screen is the one the API put in the migration's error.
    const id = polls()[0]?.path.split('/').at(-1) as string;
    const response = await fetch(`${ctx.demo.apiUrl}/v1/migrations/${id}`, { headers: { Authorization: `Bearer ${MOCK_API_KEY}` } });
    const body = (await response.json()) as { status: string; error: { request_id: string } };
    expect(body.status).toBe('failed');
    expect(await panel.locator('[data-slot="request-id-value"]').textContent()).toBe(body.error.request_id);

    await expectNoAxeViolations(page, 'failed migration');
    await screenshot(page, '09-migration-failed');
  });

  it('puts a 422 on start next to the field', async () => {
    const { page } = await open('/');
    await setScenario(page, { preset: 'validation' });

    await start(page, 'E2E: invalid');
    const field = page.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) as string;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('required');
    expect(await progress(page).getAttribute('data-state')).toBe('failed');
    expect(await progress(page).getByRole('heading').textContent()).toBe('Check your input');
    // A 422 is not retried.
    await page.waitForTimeout(500);
    expect(starts()).toHaveLength(1);
    await expectNoAxeViolations(page, 'validation error');
    await screenshot(page, '10-validation-error');
  });
});

describe('dark mode', () => {
  it('switches the whole page, passes axe, and is remembered across a reload', async () => {
    const { page } = await open('/');
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(12, 17, 29)');
    await expectNoAxeViolations(page, 'dark mode');
    await screenshot(page, '11-dark-mode');

    await page.reload();
    await waitForRows(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).toBe('true');
  });
});
