import { unitProject } from './unitProject.ts';

export default unitProject(['test/react/**/*.test.{ts,tsx}']);
