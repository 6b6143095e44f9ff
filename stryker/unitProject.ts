import { defineConfig } from 'vitest/config';
import base from '../vite.config.ts';

/**
 * The `unit` project of vite.config.ts (same plugins, environment and setup) narrowed to one
 * layer's own tests. Stryker's Vitest runner cannot pick a project, so each layer gets a config.
 * A layer is scored by its own tests only: core by test/core, as DESIGN.md has core unit-tested
 * on its own; a mutant that only a hook test would notice counts as surviving, which can lower a
 * score, never raise it. It also keeps each mutant's run small enough for CI.
 */
export function unitProject(include: string[]) {
  const projects = base.test?.projects ?? [];
  const unit = projects.find((project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit');
  if (typeof unit !== 'object' || !('test' in unit)) throw new Error('stryker/unitProject.ts: vite.config.ts has no "unit" project');
  return defineConfig({
    ...base,
    root: new URL('..', import.meta.url).pathname,
    test: { ...base.test, projects: [{ ...unit, test: { ...unit.test, include } }] },
  });
}
