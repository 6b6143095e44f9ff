import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { paginatedResponseSchema, paginationSchema } from '../../src/core/index.js';

const pagination = { total: 150, page: 1, per_page: 50, total_pages: 3, has_next: true, has_prev: false };

describe('paginationSchema', () => {
  it("accepts the seed's pagination object", () => {
    expect(paginationSchema.safeParse(pagination).data).toEqual(pagination);
  });

  it('accepts an empty list and keeps extra fields', () => {
    const empty = { total: 0, page: 1, per_page: 50, total_pages: 0, has_next: false, has_prev: false, cursor: 'c' };
    expect(paginationSchema.safeParse(empty).data).toEqual(empty);
  });

  it.each([
    ['a negative total', { total: -1 }],
    ['a fractional page', { page: 1.5 }],
    ['a string count', { per_page: '50' }],
    ['a string flag', { has_next: 'true' }],
    ['a missing field', { total_pages: undefined }],
  ])('rejects %s', (_label, change) => {
    expect(paginationSchema.safeParse({ ...pagination, ...change }).success).toBe(false);
  });
});

describe('paginatedResponseSchema', () => {
  it('accepts { data, pagination } with any items when no item schema is given', () => {
    const body = { data: [1, 'two', { three: 3 }], pagination };
    expect(paginatedResponseSchema().safeParse(body).data).toEqual(body);
  });

  it('checks items with the given schema', () => {
    const schema = paginatedResponseSchema(z.object({ id: z.string() }));
    expect(schema.safeParse({ data: [{ id: 'a' }], pagination }).success).toBe(true);
    expect(schema.safeParse({ data: [{ id: 1 }], pagination }).success).toBe(false);
  });

  it.each([
    ['data as an object', { data: {}, pagination }],
    ['no pagination', { data: [] }],
    ['a bare array', []],
    ['null', null],
  ])('rejects %s', (_label, body) => {
    expect(paginatedResponseSchema().safeParse(body).success).toBe(false);
  });
});
