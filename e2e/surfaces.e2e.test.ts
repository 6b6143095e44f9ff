import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { screenshot, setScenario, setupE2E } from './harness.js';

// Issue 18 §1: each failure shows in exactly one place. In the demo's outage, offline, 422 and
// 429 scenarios this counts the places a failure shows — error panels (inline, boundary or in
// OperationProgress), retry/error toasts, the rate-limit banner while limited — at every DOM
// change, from the moment the scenario starts until the failure has settled.

const { open } = setupE2E();

/** What is showing a failure right now. App toasts (the app's own words) are not failures. */
const SURFACES =
  '[data-slot="error-panel"], [data-slot="toast"][data-state="open"]:not([data-kind="app"]), [data-slot="rate-limit-banner"][data-state="limited"]';

interface SurfaceLog {
  /** The most surfaces showing at one moment. */
  max: number;
  /** Every surface that ever showed, by kind: `error-panel`, `toast:failed`, `rate-limit-banner`… */
  seen: string[];
}

/** Starts counting in the page: every mutation batch, what shows failures. */
async function watchSurfaces(page: Page): Promise<() => Promise<SurfaceLog>> {
  await page.evaluate((selector) => {
    const log = { max: 0, seen: [] as string[] };
    const known = new WeakSet<Element>();
    const check = () => {
      const now = [...document.querySelectorAll(selector)].filter((el) => !el.parentElement?.closest('[data-slot="error-panel"]'));
      log.max = Math.max(log.max, now.length);
      for (const el of now) {
        if (known.has(el)) continue;
        known.add(el);
        const slot = el.getAttribute('data-slot');
        log.seen.push(slot === 'toast' ? `toast:${el.getAttribute('data-kind')}` : `${slot}`);
      }
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    check();
    (window as unknown as { __surfaces: typeof log }).__surfaces = log;
  }, SURFACES);
  return () => page.evaluate(() => (window as unknown as { __surfaces: SurfaceLog }).__surfaces);
}

/** What shows now, outside the panels' own parts. */
const showing = (page: Page) =>
  page.evaluate(
    (selector) => [...document.querySelectorAll(selector)].filter((el) => !el.parentElement?.closest('[data-slot="error-panel"]')).length,
    SURFACES,
  );

describe('one surface per failure in the demo', () => {
  it('outage (503): retries toast while nothing else shows them, then the boundary alone — no "Gave up" toast', async () => {
    const { page } = await open('/', { allowConsole: [/^SenseiHttpError: Service unavailable/] });
    const log = await watchSurfaces(page);
    await setScenario(page, { preset: 'outage' });
    await page.getByRole('link', { name: 'Page 5' }).click();
    const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Service unavailable' }) });
    await panel.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const { max, seen } = await log();
    expect(max).toBe(1);
    expect(seen).not.toContain('toast:failed');
    expect(await showing(page)).toBe(1);
    await screenshot(page, 'surfaces-outage');
  }, 45_000);

  it('offline: the inline panel alone once retries run out — one Retry on screen', async () => {
    const { page } = await open('/');
    const log = await watchSurfaces(page);
    await setScenario(page, { preset: 'offline' });
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.locator('[data-slot="error-panel"]').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const { max, seen } = await log();
    expect(max).toBe(1);
    expect(seen).not.toContain('toast:failed');
    expect(await showing(page)).toBe(1);
    expect(await page.getByRole('button', { name: /^(Retry|Try again)/ }).count()).toBe(1);
    await screenshot(page, 'surfaces-offline');
  }, 45_000);

  it('422: the failed start shows once, in its panel beside the field', async () => {
    const { page } = await open('/');
    const log = await watchSurfaces(page);
    await setScenario(page, { preset: 'validation' });
    await page.getByRole('button', { name: 'Start migration' }).click();
    await page.locator('[data-slot="error-panel"][data-kind="validation"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    const { max, seen } = await log();
    expect(max).toBe(1);
    expect(seen).toEqual(['error-panel']);
    expect(await showing(page)).toBe(1);
  });

  it('429: the banner counts down alone — no retry toast beside it — and the request goes out by itself', async () => {
    const { page } = await open('/');
    const log = await watchSurfaces(page);
    await setScenario(page, { preset: 'rate-limit-once' });
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.locator('[data-slot="rate-limit-banner"][data-state="limited"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1_000);
    expect(await showing(page)).toBe(1);
    await screenshot(page, 'surfaces-429');
    await page.locator('[data-slot="rate-limit-banner"][data-state="limited"]').waitFor({ state: 'detached', timeout: 15_000 }).catch(async () => {
      await expect.poll(() => page.locator('[data-slot="rate-limit-banner"]').getAttribute('data-state'), { timeout: 15_000 }).not.toBe('limited');
    });
    const { max, seen } = await log();
    expect(max).toBe(1);
    expect(seen).toEqual(['rate-limit-banner']);
  }, 30_000);
});
