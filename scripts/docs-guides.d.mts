// Types of docs-guides.mjs for .storybook/main.ts and the tests.
export interface Page {
  file: string;
  slug: string;
  title: string;
  summary: string;
  markdown: string;
  pageTitle: string;
  id: string;
}
export const root: string;
export const guidesDir: string;
export const pagesDir: string;
export function githubSlug(heading: string): string;
export function docsId(title: string): string;
export function listGuides(dir?: string): Page[];
export function readmePage(file?: string): Page;
export function markdownLinks(markdown: string): { text: string; target: string; line: number; image: boolean }[];
export function siteTarget(page: Page, target: string, byFile: Map<string, Page>): string | null;
export function toMdx(page: Page, byFile: Map<string, Page>): string;
export function writeGuidePages(options?: { guides?: string; readme?: string; out?: string }): Page[];
