/**
 * What the stories' browser tests emulate with Playwright in Chromium (through Vitest's browser
 * mode: CDP for media features, the iframe for the viewport): forced colours (Windows High
 * Contrast), a dark OS preference, and a small screen. In the Storybook UI it does nothing and
 * says so, since there is no Playwright there: use the browser's rendering tools instead.
 */
export interface Emulation {
  forcedColors?: boolean;
  dark?: boolean;
  viewport?: { width: number; height: number };
}

type BrowserContext = {
  cdp: () => { send: (method: string, params?: object) => Promise<unknown> };
  page: { viewport: (width: number, height: number) => Promise<void> };
  userEvent: { keyboard: (text: string) => Promise<void> };
};

async function browserContext(): Promise<BrowserContext | undefined> {
  try {
    // A virtual module of Vitest's browser mode; it throws anywhere else.
    return (await import(/* @vite-ignore */ 'vitest/browser')) as unknown as BrowserContext;
  } catch {
    return undefined;
  }
}

let emulating = false;

/** Whether the last `emulate` took effect (under the browser tests); the stories check only then. */
export const emulated = (): boolean => emulating;

/** Applies `emulation`; returns the cleanup (for a story's `beforeEach`). */
export async function emulate(emulation: Emulation): Promise<() => Promise<void>> {
  const context = await browserContext();
  emulating = context !== undefined;
  if (!context) return async () => {};
  const features = [
    ...(emulation.forcedColors ? [{ name: 'forced-colors', value: 'active' }] : []),
    ...(emulation.dark ? [{ name: 'prefers-color-scheme', value: 'dark' }] : []),
  ];
  if (features.length > 0) await context.cdp().send('Emulation.setEmulatedMedia', { features });
  if (emulation.viewport) await context.page.viewport(emulation.viewport.width, emulation.viewport.height);
  return async () => {
    if (features.length > 0) await context.cdp().send('Emulation.setEmulatedMedia', { features: [] });
    if (emulation.viewport) await context.page.viewport(1280, 720);
  };
}


/**
 * Presses keys as a person does (Playwright's keyboard: trusted events, so `:focus-visible` and
 * Radix's F8 hotkey see a real key); `fallback` in the Storybook UI.
 */
export async function pressKeys(keys: string, fallback: (keys: string) => Promise<void>): Promise<void> {
  const context = await browserContext();
  await (context ? context.userEvent.keyboard(keys) : fallback(keys));
}
