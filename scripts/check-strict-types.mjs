// Part of `npm run typecheck` (after test/types/strict compiled): every export of every entry point the strict project covers must be
// named in its tests, so "uses every public API" stays true as exports are added. Reads the
// declarations that tsconfig.emit.json wrote.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'test/types/strict');
const declarations = join(root, 'node_modules/.cache/sensei-strict-types');
/** Package subpath → its declaration file, as package.json `exports` maps them. */
const entries = {
  '@sensei/react': 'index.d.ts',
  '@sensei/react/core': 'core/index.d.ts',
  '@sensei/react/register': 'register.d.ts',
  '@sensei/react/testing': 'testing/index.d.ts',
  '@sensei/react/testing/msw': 'testing/msw.d.ts',
  '@sensei/react/testing/server': 'testing/server.d.ts',
  '@sensei/react/devtools': 'devtools/index.d.ts',
  '@sensei/react/router/react-router': 'router/react-router.d.ts',
  '@sensei/react/router/next': 'router/next.d.ts',
  '@sensei/react/router/tanstack-router': 'router/tanstack-router.d.ts',
  '@sensei/react/router/nuqs': 'router/nuqs.d.ts',
};

const files = Object.values(entries).map((file) => join(declarations, file));
const program = ts.createProgram(files, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  jsx: ts.JsxEmit.ReactJSX,
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();
const tests = readdirSync(here)
  .filter((name) => /\.test-d\.tsx?$/.test(name))
  .map((name) => readFileSync(join(here, name), 'utf8'))
  .join('\n');

const missing = [];
for (const [entry, file] of Object.entries(entries)) {
  const source = program.getSourceFile(join(declarations, file));
  if (!source) throw new Error(`${file} was not emitted: run tsc -p test/types/strict/tsconfig.emit.json first`);
  const module = checker.getSymbolAtLocation(source);
  // `register` only augments @tanstack/react-query: it is covered when it is imported.
  if (!module) {
    if (!tests.includes(`'${entry}'`)) missing.push(`${entry} (not imported)`);
    continue;
  }
  for (const symbol of checker.getExportsOfModule(module)) {
    if (!new RegExp(`\\b${symbol.name}\\b`).test(tests)) missing.push(`${entry}: ${symbol.name}`);
  }
}

if (missing.length > 0) {
  console.error(
    `The strict type-test project (test/types/strict) does not use these public exports; add a use of each, as a strict app writes it:\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`strict types: every export of ${Object.keys(entries).length} entry points is used under @tsconfig/strictest`);
