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
 * Storybook tests (Vitest in Chromium) the media features are emulated through the Chrome
 * DevTools Protocol, as Playwright's `emulateMedia` does; in the Storybook UI only `dir` applies.
 */
export interface EmulateParameters {
  forcedColors?: 'active';
  colorScheme?: 'light' | 'dark';
  dir?: 'rtl';
}

async function emulateMedia(features: { name: string; value: string }[]): Promise<boolean> {
  if (!('__vitest_browser__' in window)) return false;
  const { cdp } = await import('vitest/browser');
  await cdp().send('Emulation.setEmulatedMedia', { features });
  return true;
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
  async beforeEach({ parameters, globals }) {
    const root = document.documentElement;
    const theme = ((parameters.theme as Theme | undefined) ?? (globals.theme as Theme | undefined) ?? 'light') satisfies Theme;
    const emulate = (parameters.emulate ?? {}) as EmulateParameters;
    if (theme !== 'none') root.dataset.theme = theme;
    if (emulate.dir) root.dir = emulate.dir;
    // The page is the theme's background, so axe checks contrast against what users see.
    document.body.style.background = 'var(--sensei-color-bg)';
    document.body.style.color = 'var(--sensei-color-fg)';
    const features = [
      ...(emulate.forcedColors ? [{ name: 'forced-colors', value: emulate.forcedColors }] : []),
      ...(emulate.colorScheme ? [{ name: 'prefers-color-scheme', value: emulate.colorScheme }] : []),
    ];
    // Always set (to none, too): the emulation covers the whole tab and outlives a story file
    // whose last story asked for it, so each story starts from what it asks for.
    const emulated = await emulateMedia(features);
    return async () => {
      delete root.dataset.theme;
      root.removeAttribute('dir');
      document.body.style.background = '';
      document.body.style.color = '';
      if (emulated && features.length > 0) await emulateMedia([]);
    };
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
