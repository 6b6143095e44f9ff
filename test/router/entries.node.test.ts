// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

describe('router adapter entries', () => {
  // Loading next, React Router, TanStack Router and nuqs for the first time takes seconds.
  it('import on a server (no window), each from its own subpath with an optional peer', { timeout: 30_000 }, async () => {
    const entries = {
      'react-router': [await import('../../src/router/react-router.js'), 'react-router'],
      next: [await import('../../src/router/next.js'), 'next'],
      'tanstack-router': [await import('../../src/router/tanstack-router.js'), '@tanstack/react-router'],
      nuqs: [await import('../../src/router/nuqs.js'), 'nuqs'],
    } as const;
    for (const [name, [module, peer]] of Object.entries(entries)) {
      expect(Object.values(module).some((value) => typeof value === 'function'), name).toBe(true);
      expect(pkg.exports[`./router/${name}`], name).toEqual({ types: `./dist/router/${name}.d.ts`, import: `./dist/router/${name}.js` });
      expect(pkg.peerDependencies[peer], peer).toBeDefined();
      expect(pkg.peerDependenciesMeta[peer]?.optional, peer).toBe(true);
    }
    expect(Object.keys(await import('../../src/index.js')).filter((name) => /PageSync$/.test(name))).toEqual(['createLocationPageSync']);
  });
});
