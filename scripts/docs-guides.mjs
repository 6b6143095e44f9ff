// The guides are plain GitHub markdown in docs/guides/*.md (first line `# Title`). This module
// finds every one of them and turns each, and the README, into a Storybook docs page, so a guide
// added on any branch shows up on the site without touching the site. Used by
// .storybook/main.ts (every Storybook run), scripts/docs-build.mjs and scripts/docs-linkcheck.mjs.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { githubSlug } from './docs-slug.mjs';

export { githubSlug };

export const root = resolve(import.meta.dirname, '..');
export const guidesDir = join(root, 'docs/guides');
/** Generated pages; the directory ignores itself in git. */
export const pagesDir = join(root, '.storybook/generated');

/**
 * Storybook's id of a docs page titled `title` (its `sanitize`: lower case, runs of anything but
 * letters and digits to one `-`).
 * @param {string} title
 */
export function docsId(title) {
  const id = title
    .split('/')
    .map((part) =>
      part
        .toLowerCase()
        .replace(/[ ’–—―′¿'`~!@#$%^&*()_|+\-=?;:'",.<>{}[\]\\/]/gi, '-')
        .replace(/-+/g, '-')
        .replace(/^-+/, '')
        .replace(/-+$/, ''),
    )
    .join('-');
  return `${id}--docs`;
}

/**
 * @typedef {{ file: string, slug: string, title: string, summary: string, markdown: string, pageTitle: string, id: string }} Page
 */

/** The first sentence after the title: what llms.txt says of a guide. */
function summaryOf(markdown) {
  const body = markdown.split('\n').slice(1).join('\n').trim();
  const paragraph = body.split(/\n\s*\n/).find((block) => block.trim() && !block.startsWith('#') && !block.startsWith('```')) ?? '';
  const text = paragraph.replace(/\s*\n\s*/g, ' ').trim();
  return /^.+?[.:](?=\s|$)/.exec(text)?.[0] ?? text;
}

/**
 * Every guide in `dir` (docs/guides), in a stable order: getting started first, then by title.
 * A missing directory has no guides.
 * @param {string} [dir]
 * @returns {Page[]}
 */
export function listGuides(dir = guidesDir) {
  if (!existsSync(dir)) return [];
  const guides = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const file = join(dir, name);
      const markdown = readFileSync(file, 'utf8');
      const first = markdown.split('\n', 1)[0] ?? '';
      const match = /^# (.+)$/.exec(first);
      if (!match?.[1]) throw new Error(`docs/guides/${name}: the first line must be "# Title", found ${JSON.stringify(first)}`);
      const title = match[1].trim();
      const pageTitle = `Guides/${title}`;
      return { file, slug: basename(name, '.md'), title, summary: summaryOf(markdown), markdown, pageTitle, id: docsId(pageTitle) };
    });
  return guides.sort((a, b) => Number(b.slug === 'getting-started') - Number(a.slug === 'getting-started') || a.title.localeCompare(b.title));
}

/**
 * The README as a page of the site.
 * @param {string} [file]
 * @returns {Page}
 */
export function readmePage(file = join(root, 'README.md')) {
  const markdown = readFileSync(file, 'utf8');
  return { file, slug: 'README', title: 'README', summary: summaryOf(markdown), markdown, pageTitle: 'README', id: docsId('README') };
}

const LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)\)/g;

/**
 * Markdown links of `markdown` outside code, with the line they are on.
 * @param {string} markdown
 * @returns {{ text: string, target: string, line: number, image: boolean }[]}
 */
export function markdownLinks(markdown) {
  const links = [];
  let inFence = false;
  markdown.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    // Inline code may hold brackets that are not links.
    const prose = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const match of prose.matchAll(LINK)) {
      links.push({ image: match[1] === '!', text: match[2] ?? '', target: match[3] ?? '', line: index + 1 });
    }
  });
  return links;
}

/**
 * Where a link of `page` points on the site: a guide or the README becomes its docs page
 * (`?path=/docs/…`, which Storybook's Markdown block navigates to), web links stay, and a link to
 * any other file of the repository becomes plain text (`null`), since the site does not have it.
 * @param {Page} page
 * @param {string} target
 * @param {Map<string, Page>} byFile
 * @returns {string | null}
 */
export function siteTarget(page, target, byFile) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return target;
  const [path = ''] = target.split('#');
  const linked = byFile.get(resolve(dirname(page.file), path));
  return linked ? `?path=/docs/${linked.id}` : null;
}

/**
 * The MDX page of one markdown page.
 * @param {Page} page
 * @param {Map<string, Page>} byFile
 */
export function toMdx(page, byFile) {
  const markdown = page.markdown.replace(LINK, (whole, image, text, target) => {
    if (image) return whole;
    const site = siteTarget(page, target, byFile);
    return site === null ? text : `[${text}](${site})`;
  });
  const source = relative(root, page.file);
  return [
    `{/* Generated from ${source} by scripts/docs-guides.mjs on every Storybook run; edit ${source}. */}`,
    "import { Meta, Markdown } from '@storybook/addon-docs/blocks';",
    "import { githubSlug } from '../../scripts/docs-slug.mjs';",
    '',
    `<Meta title=${JSON.stringify(page.pageTitle)} />`,
    '',
    // Headings get GitHub's anchors, so `#section` links of the markdown work on the site too.
    `<Markdown options={{ slugify: (text) => githubSlug(text) }}>{${JSON.stringify(markdown)}}</Markdown>`,
    '',
  ].join('\n');
}

/**
 * Writes one MDX page per guide and one for the README into .storybook/generated, replacing
 * what was there (a guide deleted on a branch leaves no page behind).
 * @param {{ guides?: string, readme?: string, out?: string }} [options] other places, for tests
 * @returns {Page[]} the pages written
 */
export function writeGuidePages(options = {}) {
  const out = options.out ?? pagesDir;
  const pages = [...listGuides(options.guides), readmePage(options.readme)];
  const byFile = new Map(pages.map((page) => [page.file, page]));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '.gitignore'), '*\n');
  for (const page of pages) writeFileSync(join(out, `${page.slug}.mdx`), toMdx(page, byFile));
  return pages;
}
