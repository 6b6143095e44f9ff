import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  focused,
  listRequests,
  rowIds,
  screenshot,
  setupE2E,
  table,
  waitForRows,
} from './harness.js';

const { ctx, open } = setupE2E();

describe('paging the migrations table', () => {
  it('shows the prefetched next page without a request, keeps the page in the URL across a reload, and Back returns', async () => {
    const { page } = await open('/');
    expect(await rowIds(page)).toEqual(Array.from({ length: 10 }, (_, i) => `mig_${String(i + 1).padStart(6, '0')}`));
    await expect.poll(() => page.locator('[data-slot="paginator-range"]').textContent()).toBe('Showing 1–10 of 150');
    await expectNoAxeViolations(page, 'normal');
    await screenshot(page, '01-normal');

    // The next page was prefetched once, in the background.
    await expect.poll(() => listRequests(ctx.api, 2), { timeout: 5_000 }).toBe(1);

    // Watch for a loading state (aria-busy) from the click on.
    await page.evaluate(() => {
      const watched = document.querySelector('table.demo-table') as HTMLTableElement;
      const seen = { busy: false };
      Object.assign(window, { __e2eBusy: seen });
      new MutationObserver(() => {
        if (watched.getAttribute('aria-busy') === 'true') seen.busy = true;
      }).observe(watched, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    await page.getByRole('link', { name: 'Next page' }).click();
    // On screen from the cache: never a loading state, and no second request for it.
    await waitForRows(page, 2, 2_000);
    expect(await page.evaluate(() => (window as unknown as { __e2eBusy: { busy: boolean } }).__e2eBusy.busy)).toBe(false);
    expect(await table(page).getAttribute('aria-busy')).toBe('false');
    expect(await rowIds(page)).toContain('mig_000011');
    expect(listRequests(ctx.api, 2)).toBe(1);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => listRequests(ctx.api, 3), { timeout: 5_000 }).toBe(1);

    // A reload keeps the page.
    await page.reload();
    await waitForRows(page, 2);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect((await rowIds(page))[0]).toBe('mig_000011');

    // Back returns to page 1 (cached: no new request for it either).
    const firstPageRequests = listRequests(ctx.api, 1);
    await page.goBack();
    await waitForRows(page, 1);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect((await rowIds(page))[0]).toBe('mig_000001');
    expect(listRequests(ctx.api, 1)).toBeLessThanOrEqual(firstPageRequests + 1);
  });

  it('is usable with the keyboard alone: Tab into the paginator, arrows between controls, Enter to page', async () => {
    const { page } = await open('/');
    await page.getByRole('button', { name: 'Refresh', exact: true }).focus();

    // Tab from the table's toolbar into the paginator: the first control in the Tab order is
    // the current page (First and Previous are disabled on page 1).
    for (let i = 0; i < 10 && !(await focused(page)).inNav; i += 1) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ inNav: true, label: 'Page 1' });

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ label: 'Page 3' });
    // Moving focus does not page by itself.
    expect(await table(page).getAttribute('data-page')).toBe('1');

    await page.keyboard.press('Enter');
    await waitForRows(page, 3);
    expect(new URL(page.url()).searchParams.get('page')).toBe('3');
    expect(await focused(page)).toMatchObject({ inNav: true });

    await page.keyboard.press('End');
    expect(await focused(page)).toMatchObject({ label: 'Last page' });
    await page.keyboard.press('Enter');
    await waitForRows(page, 15);
    expect((await rowIds(page)).at(-1)).toBe('mig_000150');
    // Last is disabled now: focus stays in the paginator, on the current page.
    await expect.poll(async () => (await focused(page)).label).toBe('Page 15');

    await page.keyboard.press('Home');
    expect(await focused(page)).toMatchObject({ label: 'First page' });
    await page.keyboard.press('Enter');
    await waitForRows(page, 1);
    await screenshot(page, '02-keyboard-paging');
  });
});
