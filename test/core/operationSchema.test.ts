import { describe, expect, it } from 'vitest';
import { operationProgressSchema, operationSchema } from '../../src/core/index.js';

describe('operationSchema', () => {
  it("accepts the seed's 202 body", () => {
    const body = { id: 'mig_abc123', status: 'pending', status_url: '/v1/migrations/mig_abc123' };
    expect(operationSchema.safeParse(body).data).toEqual(body);
  });

  it('keeps an unknown status and extra fields', () => {
    const body = { id: 'mig_1', status: 'paused_by_admin', eta: 30 };
    expect(operationSchema.safeParse(body).data).toEqual(body);
  });

  it('accepts progress as a number, an object or null, and errors as text or the standard error', () => {
    expect(operationSchema.safeParse({ id: 'a', status: 'running', progress: 0.5 }).success).toBe(true);
    expect(operationSchema.safeParse({ id: 'a', status: 'running', progress: { completed: 3, total: 10 } }).success).toBe(true);
    expect(operationSchema.safeParse({ id: 'a', status: 'running', progress: null }).success).toBe(true);
    expect(operationSchema.safeParse({ id: 'a', status: 'failed', error: 'disk full' }).success).toBe(true);
    expect(operationSchema.safeParse({ id: 'a', status: 'failed', error: { code: 'E1', message: 'm' } }).success).toBe(true);
  });

  it.each([
    ['no id', { status: 'pending' }],
    ['no status', { id: 'a' }],
    ['a numeric id', { id: 1, status: 'pending' }],
    ['a numeric status_url', { id: 'a', status: 'pending', status_url: 1 }],
    ['progress as text', { id: 'a', status: 'running', progress: '50%' }],
    ['an array', [{ id: 'a', status: 'pending' }]],
  ])('rejects %s', (_label, body) => {
    expect(operationSchema.safeParse(body).success).toBe(false);
  });
});

describe('operationProgressSchema', () => {
  it('accepts numbers and progress objects only', () => {
    expect(operationProgressSchema.safeParse(42).success).toBe(true);
    expect(operationProgressSchema.safeParse({ percent: 42 }).success).toBe(true);
    expect(operationProgressSchema.safeParse({ percent: '42' }).success).toBe(false);
  });
});
