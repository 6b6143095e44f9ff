import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../src/core/index.js';

describe('errorBodySchema', () => {
  it("accepts the seed's standard error body as it is", () => {
    const body = {
      error: {
        code: 'E7003',
        message: "Invalid request: missing required field 'name'",
        details: { field: 'name', reason: 'required' },
        request_id: 'req_abc123def456',
      },
    };
    const result = errorBodySchema.safeParse(body);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(body);
  });

  it('keeps unknown fields and accepts a minimal error', () => {
    expect(errorBodySchema.safeParse({ error: {}, trace: 'x' }).data).toEqual({ error: {}, trace: 'x' });
    expect(errorBodySchema.safeParse({ error: { message: 'm', extra: 1 } }).data).toEqual({ error: { message: 'm', extra: 1 } });
  });

  it('keeps details of any shape', () => {
    for (const details of ['text', 1, [1, 2], null, { nested: { deep: true } }]) {
      expect(errorBodySchema.safeParse({ error: { details } }).data?.error.details).toEqual(details);
    }
  });

  it.each([
    ['null', null],
    ['an array', [{ error: { message: 'm' } }]],
    ['a string', 'Bad Gateway'],
    ['no error key', { message: 'm' }],
    ['error as a string', { error: 'm' }],
    ['a numeric code', { error: { code: 7003 } }],
    ['a numeric request_id', { error: { request_id: 1 } }],
  ])('rejects %s', (_label, body) => {
    expect(errorBodySchema.safeParse(body).success).toBe(false);
  });
});
