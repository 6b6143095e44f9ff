import * as z from 'zod/mini';
import { errorBodySchema } from './errorBodySchema.js';

/**
 * Progress as a status endpoint may report it: a number (a fraction 0–1 or a percentage
 * 0–100) or an object. Kept loose because the seed does not fix it.
 */
export const operationProgressSchema = z.union([
  z.number(),
  z.looseObject({
    percent: z.optional(z.number()),
    completed: z.optional(z.number()),
    total: z.optional(z.number()),
  }),
]);

/**
 * An async operation: the 202 body `{ id, status, status_url }` and whatever the status endpoint
 * adds. An unknown `status` is kept, not rejected: the API may grow new states.
 */
export const operationSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  status_url: z.optional(z.string()),
  progress: z.optional(z.nullable(operationProgressSchema)),
  result: z.optional(z.unknown()),
  error: z.optional(z.nullable(z.union([errorBodySchema.shape.error, z.string()]))),
});

export type Operation = z.infer<typeof operationSchema>;
export type OperationProgress = z.infer<typeof operationProgressSchema>;
