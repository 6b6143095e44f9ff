// Types of docs-linkcheck.mjs for the tests.
export function markdownAnchors(markdown: string): Set<string>;
export function checkMarkdown(files: string[], problems: string[], web?: Set<string>): void;
export function checkLinks(options?: { site?: string }): string[];
