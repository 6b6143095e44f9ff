import { defineConfig } from 'vitest/config';
import base from '../vite.config.ts';

// Stryker's Vitest runner cannot pick a project, so it gets a config with only the unit project
// of vite.config.ts (same plugins, same settings): one source of truth for how unit tests run.
const projects = base.test?.projects ?? [];
const unit = projects.filter(
  (project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit',
);
if (unit.length !== 1) throw new Error('stryker/vitest.unit.config.ts: vite.config.ts has no "unit" project');

export default defineConfig({
  ...base,
  root: new URL('..', import.meta.url).pathname,
  test: { ...base.test, projects: unit },
});
