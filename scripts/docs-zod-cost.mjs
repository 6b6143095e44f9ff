// What the README's zod note says, measured: an app that uses the library (which imports
// `zod/mini`) and writes one schema of its own, with `zod/mini` and with full `zod`. Bundled like
// every size in this repository (bench/bundleSize.mjs: esbuild, minify, gzip -9). Needs dist/.
import { ensureDist, kb, measure } from '../bench/bundleSize.mjs';

ensureDist();
const schema = (zod) => `import * as z from '${zod}';
import { usePaginatedList } from './dist/index.js';
const Migration = z.object({ id: z.string(), name: z.string(), status: z.enum(['pending', 'running', 'completed', 'failed']) });
console.log(usePaginatedList, Migration);`;

const mini = await measure(schema('zod/mini'));
const full = await measure(schema('zod'));
console.log(`an app with usePaginatedList and its own schema in zod/mini: ${kb(mini.gzip)} (${mini.gzip} B gzip)`);
console.log(`the same schema in full zod:                                 ${kb(full.gzip)} (${full.gzip} B gzip)`);
console.log(`full zod costs ${kb(full.gzip - mini.gzip)} more (${full.gzip - mini.gzip} B)`);
