// `npm run docs:build`: the docs site in storybook-static/.
//  1. Storybook (stories, the MDX pages, one page per docs/guides/*.md and the README);
//  2. the API reference from the source's JSDoc with TypeDoc, into storybook-static/api/, one
//     module per package entry (read from package.json "exports", so new entries appear), and
//     one for the types public types are built from (docs/typedoc/referencedTypes.ts);
//  3. llms.txt and the guides as markdown beside them;
//  4. the link check (scripts/docs-linkcheck.mjs) over the markdown and the built site.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Application, ReflectionKind } from 'typedoc';
import { listGuides, root } from './docs-guides.mjs';
import { checkLinks } from './docs-linkcheck.mjs';
import { llmsTxt } from './docs-llms.mjs';

const site = join(root, 'storybook-static');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** `@sensei/react/x` → `src/x.ts(x)`, for every JavaScript entry of package.json. */
export function entryPoints() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.import;
    if (!file?.startsWith('./dist/') || !file.endsWith('.js')) continue;
    const base = file.replace('./dist/', 'src/').replace(/\.js$/, '');
    const source = [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(join(root, candidate)));
    if (!source) throw new Error(`docs-build: package.json exports ${subpath} (${file}) but ${base}.ts does not exist`);
    entries.push({ name: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, source });
  }
  return entries;
}

/** Options and props without JSDoc, and optional ones without `@default`. */
function optionCoverage(project) {
  const options = project
    .getReflectionsByKind(ReflectionKind.Interface | ReflectionKind.TypeAlias)
    .filter((reflection) => /(Options|Props|Config)$/.test(reflection.name));
  let total = 0;
  const undocumented = [];
  const withoutDefault = [];
  const seen = new Set();
  for (const owner of options) {
    const members = owner.children ?? (owner.type?.type === 'reflection' ? (owner.type.declaration.children ?? []) : []);
    for (const member of members) {
      if (member.kind !== ReflectionKind.Property && member.kind !== ReflectionKind.Method) continue;
      const where = `${owner.name}.${member.name}`;
      if (seen.has(where) || member.inheritedFrom) continue;
      seen.add(where);
      total += 1;
      const comment = member.comment ?? member.signatures?.[0]?.comment;
      if (!comment || (comment.summary.length === 0 && comment.blockTags.length === 0)) undocumented.push(where);
      else if (member.flags.isOptional && !comment.getTag('@default')) withoutDefault.push(where);
    }
  }
  return { total, undocumented, withoutDefault };
}

async function apiReference() {
  const entries = entryPoints();
  // Types public types are built from but no entry exports: documented in a module of their own.
  const referenced = { name: 'Referenced types', source: 'docs/typedoc/referencedTypes.ts' };
  const app = await Application.bootstrap({
    entryPoints: [...entries, referenced].map((entry) => entry.source),
    tsconfig: join(root, 'docs/typedoc/tsconfig.json'),
    name: 'API reference',
    readme: 'none',
    excludePrivate: true,
    excludeInternal: true,
    githubPages: false,
    hideGenerator: true,
    logLevel: 'Error',
    validation: { notExported: true, invalidLink: false, notDocumented: false },
  });
  const project = await app.convert();
  if (!project) throw new Error('docs-build: TypeDoc could not convert the sources');
  // TypeDoc names modules after their files; a reader imports them by package path.
  const bySource = new Map([...entries, referenced].map((entry) => [entry.source, entry.name]));
  for (const module of project.children ?? []) {
    const source = module.sources?.[0]?.fullFileName ?? '';
    module.name = bySource.get(relative(root, source)) ?? module.name;
  }
  await app.generateDocs(project, join(site, 'api'));
  const coverage = optionCoverage(project);
  const report = [
    `${coverage.total} options and props in ${entries.length} entries`,
    `${coverage.undocumented.length} without JSDoc:`,
    ...coverage.undocumented.map((name) => `  ${name}`),
    `${coverage.withoutDefault.length} optional ones without @default:`,
    ...coverage.withoutDefault.map((name) => `  ${name}`),
    '',
  ].join('\n');
  writeFileSync(join(site, 'api/coverage.txt'), report);
  console.log(
    `docs-build: API reference of ${entries.map((entry) => entry.name).join(', ')} in storybook-static/api (${seconds()}); ` +
      `${coverage.total} options/props, ${coverage.undocumented.length} without JSDoc, ${coverage.withoutDefault.length} optional without @default (api/coverage.txt)`,
  );
}

execFileSync('npx', ['storybook', 'build', '--quiet', '-o', site], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`docs-build: Storybook in ${relative(root, site)} (${seconds()})`);
await apiReference();

writeFileSync(join(site, 'llms.txt'), llmsTxt());
mkdirSync(join(site, 'docs/guides'), { recursive: true });
for (const guide of listGuides()) cpSync(guide.file, join(site, 'docs/guides', `${guide.slug}.md`));
cpSync(join(root, 'README.md'), join(site, 'README.md'));

const problems = checkLinks({ site });
if (problems.length > 0) {
  console.error(`docs-build: ${problems.length} broken link(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`docs-build: links checked, site ready in storybook-static/ (${seconds()})`);
