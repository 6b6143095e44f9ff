import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, listRequests, screenshot, setScenario, setupE2E, waitForRows } from './harness.js';

const { ctx, open } = setupE2E();

const banner = '[data-slot="rate-limit-banner"]';

describe('rate limits', () => {
  it('counts down in the banner, sends nothing while limited, and recovers without a reload', async () => {
    const { page } = await open('/');
    await expect.poll(() => listRequests(ctx.api, 2), { timeout: 5_000 }).toBe(1);
    // Marks this document: still there after recovery means no reload happened.
    await page.evaluate(() => Object.assign(window, { __e2eMarker: true }));

    await setScenario(page, { scenario: { rateLimitOnce: { retryAfterSeconds: 3 } } });
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();

    const limited = page.locator(`${banner}[data-state="limited"]`);
    await limited.waitFor({ timeout: 5_000 });
    await expect.poll(() => limited.locator('[data-slot="rate-limit-banner-countdown"]').textContent()).toMatch(/^requests resume in 0:0[1-3]$/);
    await expect.poll(() => page.locator('[data-slot="rate-limit-banner-status"]').textContent()).toMatch(/^Rate limit reached\. Requests resume at /);
    const whileLimited = ctx.api.countRequests();

    // Paging to a page that is not cached, and refreshing, while the gate is closed: the
    // requests wait in the browser; none reaches the server.
    await page.getByRole('link', { name: 'Page 4' }).click();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expectNoAxeViolations(page, 'rate limited');
    await screenshot(page, '03-rate-limited');
    await page.waitForTimeout(1_000);
    expect(await limited.count()).toBe(1);
    expect(ctx.api.countRequests()).toBe(whileLimited);
    expect(listRequests(ctx.api, 4)).toBe(0);

    // The gate opens by itself: the waiting requests go out and the page shows page 4.
    await waitForRows(page, 4, 10_000);
    expect(listRequests(ctx.api, 4)).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.locator(banner).getAttribute('data-state'), { timeout: 5_000 }).not.toBe('limited');
    // The one 429 was the last request before the wait; nothing left before Retry-After passed.
    const [limitedAt, ...after] = ctx.api.requests.slice(whileLimited - 1).map((record) => record.time);
    expect(after.length).toBeGreaterThan(0);
    for (const time of after) expect(time - (limitedAt as number)).toBeGreaterThanOrEqual(2_900);
    expect(await page.evaluate(() => (window as unknown as { __e2eMarker?: boolean }).__e2eMarker)).toBe(true);
  });

  it('degrades to backoff when CORS hides the rate-limit headers, and keeps working', async () => {
    // The library's hint is meant for development builds only; src/core/dev.ts's isDevelopment()
    // is true in every browser bundle today, so the production demo prints it too. Allowed, not
    // required, so this test holds before and after that is fixed.
    const { page } = await open('/', { allowConsole: [/^\[@sensei\/react\] A 429 from .* carried no readable Retry-After/] });
    await expect.poll(() => listRequests(ctx.api, 2), { timeout: 5_000 }).toBe(1);

    // The server asks for 30 s, but the browser hides Retry-After and X-RateLimit-* from script.
    const state = await setScenario(page, { exposeHeaders: false, scenario: { rateLimitOnce: { retryAfterSeconds: 30 } } });
    expect(state.exposeHeaders).toBe(false);
    const readable = await page.evaluate(async (url) => {
      const response = await fetch(`${url}/v1/migrations?per_page=1`, { headers: { Authorization: 'Bearer e2e' } });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), limit: response.headers.get('x-ratelimit-limit') };
    }, ctx.demo.apiUrl);
    expect(readable).toEqual({ status: 429, retryAfter: null, limit: null });
    await setScenario(page, { scenario: { rateLimitOnce: { retryAfterSeconds: 30 } } });

    const before = listRequests(ctx.api, 1);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    // The library's own backoff (1 s), marked as an estimate.
    const estimated = page.locator(`${banner}[data-state="limited"][data-estimated]`);
    await estimated.waitFor({ timeout: 5_000 });
    expect(await estimated.locator('[data-slot="rate-limit-banner-note"]').textContent()).toBe('The wait time is estimated.');
    await screenshot(page, '04-cors-hidden-headers');

    // Far sooner than the hidden 30 s: the retry goes out after the backoff and succeeds.
    await expect.poll(() => listRequests(ctx.api, 1), { timeout: 8_000 }).toBeGreaterThanOrEqual(before + 2);
    await expect.poll(() => page.locator(banner).getAttribute('data-state'), { timeout: 5_000 }).not.toBe('limited');
    await waitForRows(page, 1);
    await page.getByRole('link', { name: 'Next page' }).click();
    await waitForRows(page, 2);
  });

  it('switches the mock from the scenario strip', async () => {
    const { page } = await open('/');
    const strip = page.getByRole('complementary', { name: /Mock API scenario/ });
    await expect.poll(() => strip.getByRole('radio', { name: 'Normal' }).isChecked()).toBe(true);

    await strip.getByRole('radio', { name: 'Rate limited: one 429' }).check();
    await expect.poll(() => ctx.api.scenario.rateLimitOnce).toEqual({ retryAfterSeconds: 5 });
    expect(await strip.getByRole('radio', { name: 'Rate limited: one 429' }).isChecked()).toBe(true);
    expect(await strip.getByRole('group').getAttribute('aria-describedby')).toBeTruthy();

    await strip.getByRole('radio', { name: 'Flaky (5xx)' }).check();
    await expect.poll(() => ctx.api.scenario.flaky).toBeDefined();
    expect(ctx.api.scenario.rateLimitOnce).toBeUndefined();

    await strip.getByRole('checkbox', { name: /Hide the rate-limit headers/ }).check();
    await expect.poll(() => ctx.mockServer.exposeHeaders).toBe(false);

    await strip.getByRole('button', { name: 'Reset mock' }).click();
    await expect.poll(() => ctx.mockServer.exposeHeaders).toBe(true);
    expect(ctx.api.scenario).toEqual({});
    await expect.poll(() => strip.getByRole('radio', { name: 'Normal' }).isChecked()).toBe(true);

    // The strip's counter follows the server's request log.
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect
      .poll(async () => Number(await strip.getByTestId('request-count').textContent()), { timeout: 5_000 })
      .toBe(ctx.api.countRequests());
  });
});
