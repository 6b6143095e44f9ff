import * as z from 'zod/mini';

const count = z.number().check(z.int(), z.gte(0));

/** The `pagination` object that Sensei list endpoints return beside `data`. */
export const paginationSchema = z.looseObject({
  total: count,
  page: count,
  per_page: count,
  total_pages: count,
  has_next: z.boolean(),
  has_prev: z.boolean(),
});

export type Pagination = z.infer<typeof paginationSchema>;

/** A list response: `{ data: T[], pagination }`, with items checked by `item` when given. */
export function paginatedResponseSchema<T>(item?: z.ZodMiniType<T>) {
  return z.looseObject({
    data: z.array(item ?? (z.unknown() as unknown as z.ZodMiniType<T>)),
    pagination: paginationSchema,
  });
}

export interface PaginatedResponse<T> {
  data: T[];
  pagination: Pagination;
  [key: string]: unknown;
}
