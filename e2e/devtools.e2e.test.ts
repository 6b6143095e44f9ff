import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot, setupE2E } from './harness.js';

const { ctx, open } = setupE2E();

describe('devtools on the demo', () => {
  it('opens the panel, switches the mock to "Rate limited", shows the waiting requests with a countdown, and sees them leave at the reset', async () => {
    // `npm start` serves a production build: `?devtools` asks for the lazily loaded panel.
    const { page } = await open('/?devtools');
    const toggle = page.getByRole('button', { name: 'Sensei devtools' });
    await toggle.click();
    const panel = page.getByRole('region', { name: 'Sensei devtools' });
    await panel.waitFor();
    // Keep the dashboard's controls in view: the panel at its smallest height, from the keyboard.
    await panel.getByRole('separator', { name: 'Resize the Sensei devtools' }).press('Home');

    await panel.getByRole('button', { name: 'Rate limited' }).click();
    await expect.poll(() => ctx.api.scenario).toEqual({ rateLimit: { limit: 3, windowMs: 8_000 } });
    await expect.poll(() => panel.getByRole('button', { name: 'Rate limited' }).getAttribute('aria-pressed')).toBe('true');

    // Spend the quota of 3, then one more: it waits in the browser.
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
    for (let sent = 1; sent <= 3; sent += 1) {
      const before = ctx.api.countRequests();
      await refresh.click();
      await expect.poll(() => ctx.api.countRequests()).toBeGreaterThan(before);
    }
    // The third answer says 0 left: the gate closes until the window's reset.
    const gate = panel.locator('[data-slot="gate"]');
    await expect.poll(() => gate.getAttribute('data-state')).toBe('closed');
    expect(await gate.textContent()).toMatch(/^closed until .+ \(0:(?:0[1-9]|10)\)$/);
    const spentAt = Date.now();
    const served = ctx.api.countRequests();
    await refresh.click();

    const waiting = panel.getByRole('region', { name: 'Waiting at the gate' });
    const row = waiting.getByRole('row').filter({ hasText: 'rate limit' }).first();
    await row.waitFor({ timeout: 5_000 });
    await expect.poll(() => row.textContent()).toMatch(/^GET\/v1\/migrations\?.*\(0:(?:0[1-9]|10)\)rate limit$/);
    const first = (await row.locator('[data-slot="countdown"]').textContent()) ?? '';
    await expect.poll(() => row.locator('[data-slot="countdown"]').textContent(), { timeout: 3_000 }).not.toBe(first);
    expect(await gate.getAttribute('data-state')).toBe('closed');
    await expectNoAxeViolations(page, 'devtools open, requests waiting at the gate');
    await screenshot(page, 'devtools-rate-limited');
    expect(ctx.api.countRequests()).toBe(served);

    // The window resets: the waiting request leaves, reaches the server, and the list empties.
    await waiting.getByText('No request is waiting.').waitFor({ timeout: 10_000 });
    await expect.poll(() => ctx.api.countRequests()).toBeGreaterThan(served);
    expect(Date.now() - spentAt).toBeGreaterThan(1_000);
    expect(await gate.getAttribute('data-state')).toBe('open');

    // Closing from the keyboard while focus is inside puts it on the toggle, never on <body>.
    await panel.getByRole('separator', { name: 'Resize the Sensei devtools' }).focus();
    await page.keyboard.press('Alt+Shift+KeyS');
    await panel.waitFor({ state: 'detached' });
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('is not in the page without ?devtools: a production visit never loads it', async () => {
    const { page } = await open('/');
    expect(await page.getByRole('button', { name: 'Sensei devtools' }).count()).toBe(0);
  });
});
