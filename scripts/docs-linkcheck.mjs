// The link check of the docs, without network: every relative link of README.md and
// docs/**/*.md points at a file of the repository and, with `#anchor`, at a heading there; and,
// once the site is built, every page a guide links to exists in storybook-static/index.json and
// every link of the API reference, llms.txt and the MDX pages resolves to a file (and anchor) of
// the site. Web links are listed, not fetched. `node scripts/docs-linkcheck.mjs` runs it alone.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { githubSlug, listGuides, markdownLinks, pagesDir, readmePage, root } from './docs-guides.mjs';

const WEB = /^[a-z][a-z0-9+.-]*:/i;

/** Files under `dir` whose name passes `keep`. */
function* walk(dir, keep) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, keep);
    else if (keep(entry.name)) yield path;
  }
}

/**
 * GitHub's anchors of a markdown file: its headings (a repeated one gets `-1`, `-2`, …) and
 * explicit `<a id>` / `<a name>` targets.
 * @param {string} markdown
 */
export function markdownAnchors(markdown) {
  const anchors = new Set();
  const counts = new Map();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) {
      const slug = githubSlug(heading[1]);
      const seen = counts.get(slug) ?? 0;
      counts.set(slug, seen + 1);
      anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
  }
  return anchors;
}

/**
 * Broken relative links of the markdown files, pushed onto `problems`; web links go to `web`.
 * @param {string[]} files
 * @param {string[]} problems
 * @param {Set<string>} [web]
 */
export function checkMarkdown(files, problems, web = new Set()) {
  const anchorsOf = new Map();
  const anchors = (file) => {
    if (!anchorsOf.has(file)) anchorsOf.set(file, markdownAnchors(readFileSync(file, 'utf8')));
    return anchorsOf.get(file);
  };
  for (const file of files) {
    const where = relative(root, file);
    for (const link of markdownLinks(readFileSync(file, 'utf8'))) {
      if (WEB.test(link.target)) {
        web.add(link.target);
        continue;
      }
      const [path = '', anchor] = link.target.split('#');
      const target = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
      if (!existsSync(target)) {
        problems.push(`${where}:${link.line}: [${link.text}](${link.target}) — ${relative(root, target)} does not exist`);
      } else if (anchor && target.endsWith('.md') && !anchors(target).has(anchor)) {
        problems.push(`${where}:${link.line}: [${link.text}](${link.target}) — no heading #${anchor} in ${relative(root, target)}`);
      }
    }
  }
}

/** Ids of an HTML file, for `#anchor` links. */
function htmlIds(html) {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1]));
}

/** Broken links of the built site. */
function checkSite(site, problems, web) {
  const index = join(site, 'index.json');
  if (!existsSync(index)) {
    problems.push(`${relative(root, site)}/index.json is missing: build the site first`);
    return;
  }
  const ids = new Set(Object.keys(JSON.parse(readFileSync(index, 'utf8')).entries));
  for (const page of [...listGuides(), readmePage()]) {
    if (!ids.has(page.id)) problems.push(`site: ${relative(root, page.file)} has no page (${page.id}) in index.json`);
  }
  // Links between pages, as the generated MDX and the hand-written MDX carry them.
  for (const file of [...walk(pagesDir, (name) => name.endsWith('.mdx')), ...walk(join(root, 'stories'), (name) => name.endsWith('.mdx'))]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\?path=\/docs\/([a-z0-9-]+--docs)/g)) {
      if (!ids.has(match[1])) problems.push(`${relative(root, file)}: links to ?path=/docs/${match[1]}, which the site does not have`);
    }
    for (const match of text.matchAll(/href="\.\/([^"#]+)(?:#[^"]*)?"/g)) {
      if (!existsSync(join(site, match[1]))) problems.push(`${relative(root, file)}: links to ./${match[1]}, which the site does not have`);
    }
  }
  // The API reference: every relative href/src of every page, with its anchor.
  const api = join(site, 'api');
  if (!existsSync(join(api, 'index.html'))) {
    problems.push('site: api/index.html is missing (the API reference)');
    return;
  }
  const idsOf = new Map();
  const pageIds = (file) => {
    if (!idsOf.has(file)) idsOf.set(file, htmlIds(readFileSync(file, 'utf8')));
    return idsOf.get(file);
  };
  let pages = 0;
  for (const file of walk(api, (name) => name.endsWith('.html'))) {
    pages += 1;
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = match[1].replace(/&amp;/g, '&');
      if (WEB.test(link)) {
        web.add(link);
        continue;
      }
      if (link === '' || link === '#') continue;
      const [path = '', anchor] = link.split('#');
      const target = path ? resolve(dirname(file), decodeURIComponent(path.split('?')[0] ?? '')) : file;
      const exists = existsSync(target) && (!statSync(target).isDirectory() || existsSync(join(target, 'index.html')));
      if (!exists) problems.push(`${relative(root, file)}: ${link} does not exist`);
      else if (anchor && target.endsWith('.html') && !pageIds(target).has(decodeURIComponent(anchor))) {
        problems.push(`${relative(root, file)}: ${link} — no #${anchor} there`);
      }
    }
  }
  if (pages < 10) problems.push(`site: only ${pages} API reference pages`);
  // llms.txt lists paths inside the package; the site carries the same files.
  const llms = join(site, 'llms.txt');
  if (existsSync(llms)) {
    for (const match of readFileSync(llms, 'utf8').matchAll(/\]\(([^)]+)\)/g)) {
      if (!WEB.test(match[1]) && !existsSync(join(site, match[1]))) problems.push(`site: llms.txt links to ${match[1]}, which the site does not have`);
    }
  }
}

/**
 * Runs the check; returns the problems (empty when every link resolves).
 * @param {{ site?: string }} [options] the built site to check as well
 */
export function checkLinks(options = {}) {
  const problems = [];
  const web = new Set();
  const markdown = [join(root, 'README.md'), ...walk(join(root, 'docs'), (name) => name.endsWith('.md'))];
  checkMarkdown(markdown, problems, web);
  if (options.site) checkSite(options.site, problems, web);
  console.log(`docs-linkcheck: ${markdown.length} markdown files${options.site ? ' and the site' : ''}; ${web.size} web links not fetched (no network)`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const site = join(root, 'storybook-static');
  const problems = checkLinks(existsSync(join(site, 'index.json')) ? { site } : {});
  if (problems.length > 0) {
    console.error(`docs-linkcheck: ${problems.length} broken link(s)\n${problems.join('\n')}`);
    process.exit(1);
  }
}
