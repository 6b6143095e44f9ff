// One item shape, as an app writes it with each schema library the Standard Schema covers.
import { type } from 'arktype';
import * as v from 'valibot';
import * as z from 'zod';
import * as zm from 'zod/mini';

export interface Item {
  id: string;
  name: string;
}

/** zod 4 (classic), the import the README's example uses. */
export const zodItem = z.object({ id: z.string(), name: z.string() });
/** zod 4 mini, the import the library itself uses. */
export const zodMiniItem = zm.object({ id: zm.string(), name: zm.string() });
export const valibotItem = v.object({ id: v.string(), name: v.string() });
export const arktypeItem = type({ id: 'string', name: 'string' });

/** A schema whose output differs from its input: results are typed by the output. */
export const zodCount = z.object({ records: z.string().transform(Number) });
export const valibotCount = v.object({ records: v.pipe(v.string(), v.transform(Number)) });
export const arktypeCount = type({ records: 'string.numeric.parse' });
