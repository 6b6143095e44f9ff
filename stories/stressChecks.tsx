import type { Decorator } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { EmulateParameters } from '../.storybook/preview.js';

/**
 * Checks for stories under stress (issue 18): forced colours, a 320 px container, right to left.
 * `.storybook/preview.ts` applies `parameters.emulate` (Chromium's media emulation under the
 * Storybook tests) and `parameters.theme`.
 */

export const forcedColors: { emulate: EmulateParameters } = { emulate: { forcedColors: 'active' } };
export const rtl: { emulate: EmulateParameters } = { emulate: { dir: 'rtl' } };

/** The story inside a 320 px wide container, as on a small phone (WCAG 1.4.10 reflow). */
export const narrow320: Decorator = (Story) => (
  <div data-testid="narrow" style={{ inlineSize: 320, boxSizing: 'border-box', outline: '1px dashed var(--sensei-color-border)' }}>
    {Story()}
  </div>
);

/** The emulation took effect: without it a forced-colours check would pass for nothing. */
export async function expectForcedColors() {
  await expect(window.matchMedia('(forced-colors: active)').matches).toBe(true);
}

/** Nothing in `container` sticks out of it sideways, and nothing scrolls sideways. */
export async function expectFits(container: HTMLElement) {
  const box = container.getBoundingClientRect();
  const outside = [...container.querySelectorAll<HTMLElement>('*')].filter((el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 1 && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5);
  });
  await expect(outside.map((el) => el.getAttribute('data-slot') ?? el.tagName)).toEqual([]);
  for (const el of [container, ...container.querySelectorAll<HTMLElement>('*')]) {
    // A visually hidden text (1 px, clipped) scrolls inside itself by design.
    if (el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
      throw new Error(`${el.getAttribute('data-slot') ?? el.tagName} scrolls sideways at ${box.width}px`);
    }
  }
}
