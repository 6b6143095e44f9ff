import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FUZZ_API_KEY, HOSTILE_STRINGS } from './arbitraries.js';
import { renderEverything } from './hostileServer.js';

const HUGE_WORD = `<b>${'W'.repeat(100_000)}</b>`;
const HUGE_MIXED = Array.from({ length: 3_000 }, (_, i) => `<img src=x${i} onerror=alert(${i})> `).join('').slice(0, 100_000);
const CASES: readonly string[] = [...HOSTILE_STRINGS, HUGE_WORD, HUGE_MIXED];

/** Where each server string must show, and how much of it (long text is cut with an ellipsis). */
const SHOWN_PREFIX = 500;

/** Elements that would mean server text became markup. */
const INJECTED = 'script, img, iframe, object, embed, link, meta, base, form, a, [onerror], [onload], [onclick], [srcdoc]';

function expectTextOnly(text: string) {
  const body = document.body;
  // Nothing injected: no element a server string could have produced, no handler attribute.
  expect(body.querySelectorAll(INJECTED)).toHaveLength(0);
  for (const svg of body.querySelectorAll('svg')) expect(svg.getAttribute('aria-hidden')).toBe('true'); // our icons only
  // No URL-bearing attribute at all, so none can be built from server text.
  expect(body.querySelectorAll('[href], [src], [srcset], [action], [formaction], [xlink\\:href], [style*="url("]')).toHaveLength(0);
  // No attribute carries the server text (it is not spliced into markup anywhere).
  const needle = text.slice(0, 40);
  for (const element of body.querySelectorAll('*')) {
    for (const attribute of element.attributes) expect(attribute.value.includes(needle)).toBe(false);
  }
  // The literal text is on screen (the first part of a very long one).
  expect(body.textContent).toContain(text.slice(0, SHOWN_PREFIX));
}

/** Text nodes that contain `text`, and whether each is isolated from the text around it. */
function isolation(text: string) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: { slot: string | null; isolated: boolean }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.includes(text)) continue;
    const parent = node.parentElement!;
    const block = getComputedStyle(parent).display === 'block' || /^(P|DIV|LI|H[1-6])$/.test(parent.tagName);
    const alone = parent.childNodes.length === 1;
    found.push({ slot: parent.closest('[data-slot]')?.getAttribute('data-slot') ?? null, isolated: parent.closest('bdi') !== null || (block && alone) });
  }
  return found;
}

describe('hostile server text renders as text in every component', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    // The boundary's caught error is logged by React: expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(CASES.map((text) => [text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text, text]))(
    '%s',
    async (_label, text) => {
      const details = { field: text, reason: text, [text.slice(0, 64)]: [text] };
      const app = await renderEverything({ code: text, message: text, details, request_id: text }, FUZZ_API_KEY);

      // While the 503 waits for its retry: panels, boundary, failed operation, banner, retry toast.
      expect(document.querySelector('[data-slot="rate-limit-banner"]')).toHaveAttribute('data-state', 'limited');
      expect(document.querySelector('[data-slot="toast"][data-kind="retrying"]')).not.toBeNull();
      expect(document.querySelector('[data-slot="operation-progress"]')).toHaveAttribute('data-state', 'failed');
      // Full: the 422 and the boundary's; compact: the 422, the 429 and the operation's.
      expect(document.querySelectorAll('[data-slot="error-panel"][data-variant="full"]')).toHaveLength(2);
      expect(document.querySelectorAll('[data-slot="error-panel"][data-variant="compact"]')).toHaveLength(3);
      expectTextOnly(text);

      // Retries ran out: the final error toast with the request id.
      await app.advance(5_000);
      expect(document.querySelector('[data-slot="toast"][data-kind="failed"]')).not.toBeNull();
      expect(document.querySelectorAll('[data-slot="error-panel"][data-variant="full"]')).toHaveLength(3); // + the 503
      expectTextOnly(text);
      const inFailedToast = document.querySelector('[data-slot="toast"][data-kind="failed"] [data-slot="request-id-value"]');
      expect(inFailedToast?.textContent).toContain(text.slice(0, SHOWN_PREFIX));

      // The server's fields show where they belong: message, field errors, code, request id.
      for (const slot of ['error-panel-message', 'error-panel-field-name', 'error-panel-field-message', 'error-panel-details', 'request-id-value']) {
        const elements = [...document.querySelectorAll(`[data-slot="${slot}"]`)];
        expect(elements.some((el) => el.textContent?.includes(text.slice(0, SHOWN_PREFIX))), slot).toBe(true);
      }
      // A bidi override cannot flip the text around it: each server string sits in <bdi> or alone in a block.
      if (text.includes('\u202E')) {
        const nodes = isolation(text);
        expect(nodes.length).toBeGreaterThan(0);
        for (const node of nodes) expect(node, `text in ${node.slot}`).toMatchObject({ isolated: true });
      }
      // Long text is cut, not dropped, where the library shortens it.
      if (text.length > 2_000) {
        const message = document.querySelector('[data-slot="error-panel-message"]')!.textContent!;
        expect(message.length).toBeLessThanOrEqual(2_001);
        expect(message.endsWith('…') || message === text.slice(0, 2_000)).toBe(true);
      }
      // The hostile text never reached a request either (no URL or header was built from it).
      for (const call of app.calls) {
        expect(call.url.href.includes(text.slice(0, 20))).toBe(false);
        call.headers.forEach((value) => expect(value.includes(text.slice(0, 20))).toBe(false));
      }
    },
    30_000,
  );

  it('stylesheets wrap unbroken server text instead of overflowing', () => {
    const css = ['error-panel', 'operation-progress', 'toast', 'theme']
      .map((file) => readFileSync(resolve(import.meta.dirname, `../../src/css/${file}.css`), 'utf8'))
      .join('\n');
    const rule = (selector: string) => {
      const start = css.indexOf(`${selector} {`);
      expect(start, selector).toBeGreaterThanOrEqual(0);
      return css.slice(start, css.indexOf('}', start));
    };
    for (const selector of ["[data-slot='error-panel']", "[data-slot='operation-progress']", "[data-slot='toast']", "[data-slot='request-id-value']"]) {
      expect(rule(selector)).toMatch(/overflow-wrap:\s*anywhere/);
    }
  });
});
