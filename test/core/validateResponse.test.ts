import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { SenseiResponseError, validateResponse } from '../../src/core/index.js';
import { rejectionOf } from './fakeFetch.js';

const where = { method: 'GET', url: 'https://api.example.com/v1/m/1', status: 200, requestId: 'req_1' };

describe('validateResponse', () => {
  it('passes the body through when there is no schema', async () => {
    const body = { id: 1 };
    await expect(validateResponse(undefined, body, where)).resolves.toBe(body);
  });

  it('answers the schema’s output for a matching body', async () => {
    const schema = z.pipe(
      z.object({ id: z.string() }),
      z.transform((value) => ({ ...value, seen: true })),
    );
    await expect(validateResponse(schema, { id: 'a' }, where)).resolves.toEqual({ id: 'a', seen: true });
  });

  it('rejects a mismatch with a typed error saying why and where', async () => {
    const error = await rejectionOf(validateResponse(z.object({ id: z.string() }), { id: 1 }, where));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response', ...where });
    const { message } = error as SenseiResponseError;
    expect(message).toMatch(/^The response does not match the expected schema: ./);
    expect(message).toContain('id');
  });
});
