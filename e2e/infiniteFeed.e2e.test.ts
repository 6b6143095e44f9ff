import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { apiRequests, expectNoAxeViolations, screenshot, setupE2E } from './harness.js';

const { ctx, open } = setupE2E();

const feed = (page: Page) => page.getByRole('region', { name: 'Activity feed' });
const eventIds = (page: Page) => feed(page).locator('li[data-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));
const feedRequests = () => apiRequests(ctx.api, { method: 'GET', path: '/v1/activity' }).length;
const status = (page: Page) => feed(page).locator('[data-slot="load-more-status"]');

describe('the activity feed (useInfiniteList + LoadMore)', () => {
  it('loads more as its end scrolls into view, with the button, from the keyboard; an item pushed down by new events shows once', async () => {
    const { page } = await open('/');
    await feed(page).scrollIntoViewIfNeeded();
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe('Loaded 20 of 150');
    expect((await eventIds(page))[0]).toBe('evt_000150');
    await expectNoAxeViolations(page, 'activity feed');

    // Scrolling the feed's end into view loads page 2 (and no more while it stays out of view).
    await feed(page).evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe('Loaded 40 of 150');
    await screenshot(page, 'infinite-01-two-pages');

    // Keyboard: Tab order reaches the button; Enter loads; focus stays on it.
    const button = feed(page).getByRole('button', { name: /Load 20 more|Loading…/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).not.toBe('Loaded 40 of 150');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-slot'))).toBe('load-more-button');

    // Five new events at the top push shown ones into the next page: each is still shown once.
    ctx.api.addActivity(5);
    const before = feedRequests();
    await page.keyboard.press('Enter');
    await expect.poll(() => feedRequests(), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(async () => (await eventIds(page)).length, { timeout: 10_000 }).toBeGreaterThan(60);
    const ids = await eventIds(page);
    expect(new Set(ids).size).toBe(ids.length);
    await expectNoAxeViolations(page, 'activity feed, more loaded');
  });

  it('reaches "All 150 loaded" and stops asking', async () => {
    const { page } = await open('/');
    await feed(page).scrollIntoViewIfNeeded();
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe('Loaded 20 of 150');
    for (let i = 0; i < 12; i += 1) {
      await feed(page).evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
      if ((await status(page).textContent()) === 'Loaded 150 of 150') break;
      await page.waitForTimeout(200);
    }
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe('Loaded 150 of 150');
    const end = feed(page).getByRole('button', { name: 'All 150 loaded' });
    expect(await end.getAttribute('aria-disabled')).toBe('true');
    const requests = feedRequests();
    await page.waitForTimeout(500);
    expect(feedRequests()).toBe(requests);
    // maxPages 10 of 20: with 8 pages loaded, none was dropped; the list holds every event once.
    expect(new Set(await eventIds(page)).size).toBe(150);
  });
});
