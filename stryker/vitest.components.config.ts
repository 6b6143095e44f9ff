import { unitProject } from './unitProject.ts';

export default unitProject(['test/components/**/*.test.{ts,tsx}']);
