import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { StandardSchemaV1 } from '../../src/core/index.js';
import { validateStandard } from '../../src/core/standardSchema.js';

describe('validateStandard', () => {
  it('returns the parsed value of a zod/mini schema', async () => {
    const schema = z.object({ id: z.string(), n: z.pipe(z.string(), z.transform((s) => Number(s))) });
    await expect(validateStandard(schema, { id: 'a', n: '2' })).resolves.toEqual({ ok: true, value: { id: 'a', n: 2 } });
  });

  it('reports the first issue with its path', async () => {
    const schema = z.object({ user: z.object({ id: z.string() }) });
    const result = await validateStandard(schema, { user: { id: 1 } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^user\.id: /);
  });

  it('works with an async schema from any vendor and path segments given as { key }', async () => {
    const schema: StandardSchemaV1<unknown, string> = {
      '~standard': {
        version: 1,
        vendor: 'hand-made',
        validate: async (value) =>
          typeof value === 'string'
            ? { value: value.toUpperCase() }
            : { issues: [{ message: 'Expected text', path: [{ key: 'items' }, 0] }] },
      },
    };
    await expect(validateStandard(schema, 'a')).resolves.toEqual({ ok: true, value: 'A' });
    await expect(validateStandard(schema, 1)).resolves.toEqual({ ok: false, message: 'items.0: Expected text' });
  });

  it('has a message even when the schema gives no issue detail', async () => {
    const schema: StandardSchemaV1 = { '~standard': { version: 1, vendor: 'x', validate: () => ({ issues: [] }) } };
    await expect(validateStandard(schema, 1)).resolves.toEqual({ ok: false, message: 'invalid value' });
  });
});
