import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { apiRequests, setScenario, setupE2E, waitForRows } from './harness.js';

const { ctx, open } = setupE2E();

const progress = (page: Page) => page.locator('[data-slot="operation-progress"]');
const polls = () => apiRequests(ctx.api, { method: 'GET', pathPrefix: '/v1/migrations/' });
const serverStatus = (page: Page) => page.locator('.demo-operation-id').textContent();
const progressValue = async (page: Page) => Number(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow'));

/** Status requests at the mock during `ms` of wall time. */
async function pollsDuring(ms: number): Promise<number> {
  const before = polls().length;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return polls().length - before;
}

describe('one operation watched from three tabs', () => {
  it('sends one status request per poll interval across the tabs, and another tab takes over when the leader closes', async () => {
    const first = await open('/');
    // A long migration polled every second (Retry-After: 1); progress grows with each poll.
    await setScenario(first.page, { scenario: { operations: { pollsToComplete: 1000, retryAfterSeconds: 1 } } });
    await first.page.getByRole('textbox', { name: 'Name' }).fill('E2E: tabs');
    await first.page.getByRole('button', { name: 'Start migration' }).click();
    await progress(first.page).and(first.page.locator('[data-state="polling"]')).waitFor({ timeout: 5_000 });

    // Two more tabs of the same browser context resume the persisted operation.
    const pages = [first.page];
    for (let i = 0; i < 2; i += 1) {
      const page = await first.context.newPage();
      page.on('pageerror', (error) => first.problems.push(`pageerror: ${error.message}`));
      await page.goto('/');
      await waitForRows(page);
      await progress(page).and(page.locator('[data-state="polling"]')).waitFor({ timeout: 5_000 });
      pages.push(page);
    }
    expect(await Promise.all(pages.map((page) => page.evaluate(() => document.visibilityState)))).toEqual(['visible', 'visible', 'visible']);

    // Steady state: 6 s at one poll a second is about 6 requests for all three tabs, not 18.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const threeTabs = await pollsDuring(6_000);
    expect(threeTabs).toBeGreaterThanOrEqual(4);
    expect(threeTabs).toBeLessThanOrEqual(8);
    // Every tab shows the leader's answers: the same server status, progress moving everywhere.
    const before = await Promise.all(pages.map(progressValue));
    await expect.poll(() => Promise.all(pages.map(serverStatus)), { timeout: 5_000 }).toEqual(Array(3).fill(expect.stringContaining('server status: running')));
    await expect
      .poll(async () => (await Promise.all(pages.map(progressValue))).every((value, i) => value > (before[i] ?? 0)), { timeout: 5_000 })
      .toBe(true);

    // The leader (the first tab, which took the lock first) closes: another tab polls instead.
    const held = await pages[1]?.evaluate(async () => {
      const state = await navigator.locks.query();
      return { held: state.held?.length ?? 0, pending: state.pending?.length ?? 0 };
    });
    expect(held).toEqual({ held: 1, pending: 2 });
    await first.page.close();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const twoTabs = await pollsDuring(6_000);
    expect(twoTabs).toBeGreaterThanOrEqual(4);
    expect(twoTabs).toBeLessThanOrEqual(8);
    const after = await pages[1]?.evaluate(async () => {
      const state = await navigator.locks.query();
      return { held: state.held?.length ?? 0, pending: state.pending?.length ?? 0 };
    });
    expect(after).toEqual({ held: 1, pending: 1 });

    // Down to the last tab: it polls alone.
    await pages[1]?.close();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const oneTab = await pollsDuring(6_000);
    expect(oneTab).toBeGreaterThanOrEqual(4);
    expect(oneTab).toBeLessThanOrEqual(8);
    console.info(`[operation tabs] status requests in 6 s: 3 tabs ${threeTabs}, 2 tabs ${twoTabs}, 1 tab ${oneTab}`);
  });
});
