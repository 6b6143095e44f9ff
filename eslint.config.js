import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers: components -> react -> core. testing may import anything; src never imports testing.
const layer = (from, forbidden, message) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: forbidden, message }] },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'node_modules', 'public', '!.storybook', 'examples/*/dist', 'examples/next/.next', 'examples/next/node_modules', 'examples/next/next-env.d.ts', 'test-results', '.stryker-tmp', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // TanStack's strict rules (prefer-query-options among them) for the library and its examples;
  // tests, stories and benches build raw queries on purpose (non-Sensei queries, fixtures).
  ...pluginQuery.configs['flat/recommended-strict'].map((config) => ({ ...config, files: ['src/**/*.{ts,tsx}', 'examples/**/*.{ts,tsx}'] })),
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type tests declare values only to take their types.
    files: ['test/types/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  layer(
    'core',
    ['**/react/**', '**/components/**', '**/testing/**', 'react', 'react-dom', 'react/*', '@tanstack/react-query', '@radix-ui/*'],
    'src/core has no React and imports no other layer.',
  ),
  layer(
    'react',
    ['**/components/**', '**/testing/**', '@radix-ui/*'],
    'src/react must not import components or testing.',
  ),
  layer('components', ['**/testing/**'], 'Nothing in src imports src/testing.'),
  {
    files: ['src/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/testing/**', './testing/*'], message: 'Nothing in src imports src/testing.' }] },
      ],
    },
  },
);
