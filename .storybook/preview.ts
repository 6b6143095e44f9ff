import type { Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/styles.css';

/**
 * Dark mode is opt-in (`data-theme` on an ancestor): the toolbar sets it on <html>. `none` sets
 * nothing, as an app that never heard of themes.
 */
type Theme = 'light' | 'dark' | 'system' | 'none';

/**
 * What a story asks of the browser, as `parameters.emulate`: forced colours (Windows High
 * Contrast), the OS colour scheme (for `data-theme="system"`), right-to-left text. Under the
 * Storybook tests (Vitest in Chromium) the media features are emulated with Playwright's
 * `page.emulateMedia` (a command in vite.config.ts); in the Storybook UI only `dir` applies.
 */
export interface EmulateParameters {
  forcedColors?: 'active';
  colorScheme?: 'light' | 'dark';
  dir?: 'rtl';
}

/** Emulates media features under the Storybook tests (a Playwright command in vite.config.ts). */
async function emulateMedia(media: { forcedColors: 'active' | null; colorScheme: 'light' | 'dark' | null }): Promise<void> {
  if (!('__vitest_browser__' in window)) return;
  const { commands } = await import('vitest/browser');
  await (commands as unknown as { emulateMedia: (m: typeof media) => Promise<void> }).emulateMedia(media);
}

const preview: Preview = {
  // Stories that use the network get the mock Sensei API through MSW: `parameters.msw`
  // takes `createMswHandlers(api)`, the same handlers the tests use.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
      return worker;
    }),
  ],
  globalTypes: {
    theme: {
      description: 'Colour theme (dark is opt-in: data-theme on <html>)',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark', 'system'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  // Every story sets all of it (theme, direction, emulation) and undoes nothing: a cleanup that
  // ran late would clobber the next story's settings.
  async beforeEach({ parameters, globals }) {
    const root = document.documentElement;
    const theme = ((parameters.theme as Theme | undefined) ?? (globals.theme as Theme | undefined) ?? 'light') satisfies Theme;
    const emulate = (parameters.emulate ?? {}) as EmulateParameters;
    if (theme === 'none') delete root.dataset.theme;
    else root.dataset.theme = theme;
    if (emulate.dir) root.dir = emulate.dir;
    else root.removeAttribute('dir');
    // The page is the theme's background, so axe checks contrast against what users see.
    document.body.style.background = 'var(--sensei-color-bg)';
    document.body.style.color = 'var(--sensei-color-fg)';
    // The emulation covers the whole page and outlives the story that asked for it: set it, to
    // none too, for every story.
    await emulateMedia({ forcedColors: emulate.forcedColors ?? null, colorScheme: emulate.colorScheme ?? null });
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // An axe violation fails the story's test.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
