import { unitProject } from './unitProject.ts';

// The hooks' own tests, plus the router adapters and server rendering/hydration tests: those
// render the hooks the way apps meet them (createLocationPageSync, hydrateSensei).
export default unitProject(['test/react/**/*.test.{ts,tsx}', 'test/router/**/*.test.{ts,tsx}', 'test/ssr/**/*.test.{ts,tsx}']);
