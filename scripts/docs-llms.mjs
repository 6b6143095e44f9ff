// llms.txt (https://llmstxt.org) for coding assistants: what the package is, and where its
// guides, README and entry points are, as paths inside the installed package. Written to the
// package root by `prepack` (and into the docs site by docs:build); built from docs/guides, so a
// guide added on any branch is listed without an edit here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listGuides, root } from './docs-guides.mjs';

/** The text of llms.txt. */
export function llmsTxt() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entries = Object.keys(pkg.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));
  const lines = [
    `# ${pkg.name}`,
    '',
    `> ${pkg.description}`,
    '',
    'Built on TanStack Query v5. Every failure is a typed `SenseiError`; the API key goes only to the client\'s `baseUrl` origin.',
    'Never put the key in a client-side environment variable (`VITE_…`, `NEXT_PUBLIC_…`): use `getApiKey` or a proxy.',
    'In apps, write your own schemas with `zod/mini` (the library uses it), not full `zod`.',
    '',
    '## Guides',
    '',
    ...listGuides().map((guide) => `- [${guide.title}](docs/guides/${guide.slug}.md): ${guide.summary}`),
    '',
    '## Reference',
    '',
    '- [README](README.md): every hook, component, option and default, the error-state table, CORS headers, testing.',
    ...entries.map((entry) => `- \`${entry}\``),
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2] ?? join(root, 'llms.txt');
  writeFileSync(out, llmsTxt());
  console.log(`docs-llms: wrote ${out}`);
}
