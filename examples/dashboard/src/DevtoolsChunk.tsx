// The devtools and their stylesheet, as one lazily loaded chunk (see DemoDevtools.tsx).
import '../../../src/devtools/devtools.css';

export { SenseiDevtools as default } from '../../../src/devtools/index.js';
