// Checks the built package: every module whose source starts with "use client" keeps the
// directive in dist (Next.js App Router needs it), and entries that must run on a server
// (core, testing) carry none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const directive = /^\s*(['"])use client\1;?/;
const problems = [];
let checked = 0;

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

for (const source of sources(join(root, 'src'))) {
  const rel = relative(join(root, 'src'), source).replace(/\.tsx?$/, '.js');
  const built = join(root, 'dist', rel);
  const wantsClient = directive.test(readFileSync(source, 'utf8'));
  if (!existsSync(built)) {
    // Type-only modules emit no JavaScript.
    continue;
  }
  checked += 1;
  const hasClient = directive.test(readFileSync(built, 'utf8'));
  if (wantsClient && !hasClient) problems.push(`dist/${rel} lost its "use client" directive`);
  if (!wantsClient && hasClient) problems.push(`dist/${rel} has a "use client" directive its source does not`);
  if ((rel.startsWith('core/') || rel.startsWith('testing/')) && hasClient) problems.push(`dist/${rel} must run on a server`);
}

if (problems.length > 0) {
  console.error(`check-dist: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`check-dist: ${checked} built modules checked, "use client" directives intact`);
