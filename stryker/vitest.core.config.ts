import { unitProject } from './unitProject.ts';

export default unitProject(['test/core/**/*.test.ts']);
