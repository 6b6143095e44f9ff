// Turns the code of a guide (or a README section) into files a test can compile and run, the way
// a user would paste them into a Vite app: `// src/App.tsx` on a block's first line names its file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Snippet {
  /** Path as the block names it, e.g. `src/App.tsx`. */
  path: string;
  lang: string;
  code: string;
}

const FENCE = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```\s*$/gm;
const FILE_COMMENT = /^\/\/ (\S+\.(?:ts|tsx))(?: [^\n]*)?\n/;

/**
 * Every `ts`/`tsx` block of `markdown`. Each must name its file on its first line; a block that
 * does not is an error, so no code on the page escapes the test.
 */
export function extractSnippets(markdown: string, where: string): Snippet[] {
  const snippets: Snippet[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const lang = match[1] ?? '';
    const body = match[2] ?? '';
    if (lang !== 'ts' && lang !== 'tsx') continue;
    const file = FILE_COMMENT.exec(body);
    if (!file?.[1]) throw new Error(`${where}: a ${lang} block does not start with "// src/<file>": ${body.slice(0, 80)}`);
    snippets.push({ path: file[1], lang, code: body });
  }
  return snippets;
}

/** `@sensei/react/x` → the source module its package export points to (`./dist/x.js` → `src/x.ts`). */
function packageEntries(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { import?: string }>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.import;
    if (!file?.startsWith('./dist/')) continue;
    const source = file.replace('./dist/', 'src/').replace(/\.js$/, '');
    entries.set(subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, join(ROOT, source));
  }
  return entries;
}

export interface WrittenSnippets {
  dir: string;
  files: string[];
  /** Absolute path of the snippet named `path`. */
  file(path: string): string;
  remove(): void;
}

/**
 * Writes the snippets into a fresh directory inside the repository (so `react` and friends
 * resolve from node_modules), with `@sensei/react…` pointing at the source.
 */
export function writeSnippets(snippets: Snippet[], name: string): WrittenSnippets {
  const parent = join(ROOT, 'test/docs/.snippets');
  mkdirSync(parent, { recursive: true });
  // Ignored by git whatever happens to the test.
  writeFileSync(join(parent, '.gitignore'), '*\n');
  const dir = mkdtempSync(join(parent, `${name}-`));
  const entries = packageEntries();
  const files: string[] = [];
  for (const snippet of snippets) {
    const target = join(dir, snippet.path);
    const code = snippet.code.replace(/(from\s+|import\s+)(['"])(@sensei\/react[^'"]*)\2/g, (whole, lead: string, quote: string, specifier: string) => {
      const source = entries.get(specifier);
      if (!source) throw new Error(`${snippet.path} imports ${specifier}, which package.json does not export`);
      const path = relative(dirname(target), source);
      return `${lead}${quote}${path.startsWith('.') ? path : `./${path}`}${quote}`;
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    files.push(target);
  }
  return {
    dir,
    files,
    file: (path) => join(dir, path),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Type errors of the snippets, compiled as a Vite app with `strict` compiles them. */
export function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noUncheckedIndexedAccess: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node', 'vite/client'],
  });
  // Only the snippets are checked (the library's own sources are type-checked by `npm run
  // typecheck`); checking them alone keeps this test a few seconds long.
  return files
    .flatMap((file) => {
      const source = program.getSourceFile(file);
      if (!source) return [];
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    })
    .map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return text;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${relative(ROOT, diagnostic.file.fileName)}:${line + 1}: ${text}`;
    });
}
