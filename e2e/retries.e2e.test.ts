import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { MockScenario } from '../src/testing/index.js';
import { expectNoAxeViolations, focused, listRequests, screenshot, setScenario, setupE2E, waitForRows } from './harness.js';

const { ctx, open } = setupE2E();

/** One 503 on the list, asking for 30 s: long enough that only "Retry now" can end it in time. */
const flakyOnce: MockScenario = {
  flaky: { sequence: [503], retryAfterSeconds: 30, match: { method: 'GET', path: '/v1/migrations' } },
};

const toast = (page: Page, kind: string) => page.locator(`[data-slot="toast"][data-kind="${kind}"]`);

async function failOnce(page: Page): Promise<number> {
  await expect.poll(() => listRequests(ctx.api, 2), { timeout: 5_000 }).toBe(1);
  await setScenario(page, { scenario: flakyOnce });
  const before = listRequests(ctx.api, 1);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await toast(page, 'retrying').waitFor({ timeout: 5_000 });
  expect(listRequests(ctx.api, 1)).toBe(before + 1);
  return before + 1;
}

describe('retries', () => {
  it('flaky: a toast counts down to the retry; "Retry now" sends exactly one request, which succeeds', async () => {
    const { page } = await open('/');
    const afterFailure = await failOnce(page);

    const retrying = toast(page, 'retrying');
    expect(await retrying.locator('[data-slot="toast-title"]').textContent()).toMatch(/\(503\)$/);
    await expect.poll(() => retrying.locator('[data-slot="toast-countdown"]').textContent()).toMatch(/^Retrying in 0:(30|2\d)$/);
    await expectNoAxeViolations(page, 'retry toast');
    await screenshot(page, '05-retry-toast');

    await retrying.getByRole('button', { name: 'Retry now' }).click();
    await toast(page, 'recovered').waitFor({ timeout: 5_000 });
    expect(await toast(page, 'recovered').textContent()).toContain('the retry succeeded');
    await page.waitForTimeout(300);
    expect(listRequests(ctx.api, 1)).toBe(afterFailure + 1);
    await waitForRows(page, 1);
    expect(await retrying.count()).toBe(0);
  });

  it('keyboard: F8 reaches the toast, Tab to "Retry now", Enter retries', async () => {
    const { page } = await open('/');
    const afterFailure = await failOnce(page);
    await page.getByRole('button', { name: 'Refresh', exact: true }).focus();

    await page.keyboard.press('F8');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-slot="toaster"]') !== null)).toBe(true);
    for (let i = 0; i < 4 && (await focused(page)).text !== 'Retry now'; i += 1) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Retry now', slot: 'toast-action' });

    await page.keyboard.press('Enter');
    await toast(page, 'recovered').waitFor({ timeout: 5_000 });
    await page.waitForTimeout(300);
    expect(listRequests(ctx.api, 1)).toBe(afterFailure + 1);
    // Focus stays in the notifications, not lost to <body>.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-slot="toaster"]') !== null)).toBe(true);
  });

  it('outage: retries honour Retry-After, then the error boundary takes over; its Retry recovers', async () => {
    // React logs every error an error boundary catches (createRoot's default onCaughtError).
    const { page } = await open('/', { allowConsole: [/^SenseiHttpError: Service unavailable/] });
    await setScenario(page, { scenario: { error: { status: 503, retryAfterSeconds: 1 } } });

    // A page that is not cached yet: nothing to show, so when retries run out the boundary shows.
    await page.getByRole('link', { name: 'Page 5' }).click();
    const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Service unavailable' }) });
    await panel.waitFor({ timeout: 10_000 });
    const attempts = ctx.api.requests.filter((record) => record.path === '/v1/migrations' && record.searchParams.get('page') === '5');
    // The provider's policy: the first attempt and 3 retries, each after the server's 1 s.
    expect(attempts).toHaveLength(4);
    for (let i = 1; i < attempts.length; i += 1) {
      expect((attempts[i] as { time: number }).time - (attempts[i - 1] as { time: number }).time).toBeGreaterThanOrEqual(950);
    }
    expect(await panel.locator('[data-slot="error-panel-details"]').textContent()).toContain('HTTP 503');
    expect(await page.locator('table.demo-table').count()).toBe(0);
    await screenshot(page, '06-outage-boundary');

    await setScenario(page, { preset: 'normal' });
    const retry = panel.getByRole('button', { name: 'Retry' });
    await expect.poll(() => retry.isEnabled(), { timeout: 5_000 }).toBe(true);
    await retry.click();
    await waitForRows(page, 5);
    expect((await page.locator('table.demo-table tbody tr td:first-child code').first().textContent())).toBe('mig_000041');
  });
});
