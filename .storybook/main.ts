import type { StorybookConfig } from '@storybook/react-vite';
import { writeGuidePages } from '../scripts/docs-guides.mjs';

// Every docs/guides/*.md (and the README) becomes a docs page on each run, so guides added on
// any branch appear without an edit here.
writeGuidePages();

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', './generated/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['../public'],
  core: {
    disableTelemetry: true,
    // The root vite.config.ts builds the library (lib mode, d.ts); stories need a plain app build.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  typescript: { reactDocgen: 'react-docgen-typescript' },
};

export default config;
