// The docs pipeline's own promises: every guide in docs/guides becomes a site page (guides that
// other branches add or remove included), links between guides become links between pages, a
// guide without a title fails with a message that says so, and the link check finds broken
// links and anchors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docsId, githubSlug, listGuides, writeGuidePages } from '../../scripts/docs-guides.mjs';
import { checkMarkdown, markdownAnchors } from '../../scripts/docs-linkcheck.mjs';
import { llmsTxt } from '../../scripts/docs-llms.mjs';

let dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sensei-docs-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A repository-shaped directory: README.md and docs/guides/<name>.md. */
function repo(guides: Record<string, string>, readme = '# Readme\n\n## CORS headers a Sensei server must expose\n'): { root: string; guides: string; readme: string } {
  const root = tempDir();
  mkdirSync(join(root, 'docs/guides'), { recursive: true });
  for (const [name, text] of Object.entries(guides)) writeFileSync(join(root, 'docs/guides', name), text);
  writeFileSync(join(root, 'README.md'), readme);
  return { root, guides: join(root, 'docs/guides'), readme: join(root, 'README.md') };
}

describe('docs site pages (scripts/docs-guides.mjs)', () => {
  it('has a page for every guide in docs/guides, getting started first', () => {
    const names = listGuides().map((guide) => `${guide.slug}.md`);
    expect(names[0]).toBe('getting-started.md');
    expect(names).toEqual(expect.arrayContaining(['rate-limits.md', 'polling-operations.md', 'server-rendering.md']));
  });

  it('picks up a guide added later, drops one removed, and maps links between guides to site pages', () => {
    const { guides, readme } = repo({
      'getting-started.md': '# Getting started\n\nSee [routers](routers.md#adapters) and the [CORS line](../../README.md#cors-headers-a-sensei-server-must-expose), or [the source](../../src/index.ts).\n',
      'routers.md': '# Routers\n\n## Adapters\n',
    });
    const out = join(tempDir(), 'generated');
    const pages = writeGuidePages({ guides, readme, out });
    expect(pages.map((page) => page.id)).toEqual(['guides-getting-started--docs', 'guides-routers--docs', 'readme--docs']);
    const mdx = readFileSync(join(out, 'getting-started.mdx'), 'utf8');
    expect(mdx).toContain('<Meta title="Guides/Getting started" />');
    expect(mdx).toContain('[routers](?path=/docs/guides-routers--docs)');
    expect(mdx).toContain('[CORS line](?path=/docs/readme--docs)');
    // A file the site does not have stays readable as text instead of a dead link.
    expect(mdx).toContain('or the source.');

    rmSync(join(guides, 'routers.md'));
    writeFileSync(join(guides, 'testing.md'), '# Testing with the mock\n');
    const next = writeGuidePages({ guides, readme, out }).map((page) => page.slug);
    expect(next).toEqual(['getting-started', 'testing', 'README']);
    expect(() => readFileSync(join(out, 'routers.mdx'))).toThrow();
  });

  it('builds a site without guides when docs/guides is missing', () => {
    const { readme } = repo({});
    expect(writeGuidePages({ guides: join(tempDir(), 'nothing-here'), readme, out: join(tempDir(), 'generated') }).map((page) => page.slug)).toEqual(['README']);
  });

  it('refuses a guide whose first line is not "# Title", naming the file', () => {
    const { guides } = repo({ 'errors.md': 'Errors\n======\n' });
    expect(() => listGuides(guides)).toThrow(/docs\/guides\/errors\.md: the first line must be "# Title"/);
  });

  it('gives headings GitHub\'s anchors and pages Storybook\'s ids', () => {
    expect(githubSlug('CORS headers a Sensei server must expose')).toBe('cors-headers-a-sensei-server-must-expose');
    expect(githubSlug('Testing with `@sensei/react/testing`')).toBe('testing-with-senseireacttesting');
    expect(githubSlug('Server rendering (Next.js App Router)')).toBe('server-rendering-nextjs-app-router');
    expect(docsId('Guides/Server rendering with Next.js')).toBe('guides-server-rendering-with-next-js--docs');
  });

  it('lists every guide in llms.txt with its first sentence', () => {
    const text = llmsTxt();
    for (const guide of listGuides()) expect(text).toContain(`- [${guide.title}](docs/guides/${guide.slug}.md): `);
    expect(text).toMatch(/^# @sensei\/react\n\n> /);
  });
});

describe('link check (scripts/docs-linkcheck.mjs)', () => {
  it('passes on the repository\'s README and guides', () => {
    const problems: string[] = [];
    checkMarkdown([join(import.meta.dirname, '../../README.md'), ...listGuides().map((guide) => guide.file)], problems);
    expect(problems).toEqual([]);
  });

  it('finds a link to a missing file and a missing anchor, but not links in code', () => {
    const { guides } = repo({
      'a.md': '# A\n\n## Part one\n\n[ok](#part-one) [ok too](b.md#b-heading) [gone](c.md) [no anchor](b.md#nope) [web](https://example.com/x)\n\n```md\n[in code](nowhere.md)\n```\n',
      'b.md': '# B heading\n',
    });
    const problems: string[] = [];
    const web = new Set<string>();
    checkMarkdown([join(guides, 'a.md')], problems, web);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/a\.md:5: \[gone\]\(c\.md\) — .*c\.md does not exist/);
    expect(problems[1]).toMatch(/a\.md:5: \[no anchor\]\(b\.md#nope\) — no heading #nope/);
    expect([...web]).toEqual(['https://example.com/x']);
  });

  it('numbers repeated headings as GitHub does', () => {
    expect([...markdownAnchors('# Setup\n## Setup\n## Setup\n```\n# not a heading\n```\n')]).toEqual(['setup', 'setup-1', 'setup-2']);
  });
});
