import * as z from 'zod/mini';

/**
 * The standard error body of the Sensei API: `{ error: { code, message, details, request_id } }`.
 * Unknown extra fields pass through; `details` varies by error and is kept as it came.
 */
export const errorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.optional(z.string()),
    message: z.optional(z.string()),
    details: z.optional(z.unknown()),
    request_id: z.optional(z.string()),
  }),
});

export type SenseiErrorBody = z.infer<typeof errorBodySchema>;
export type SenseiErrorPayload = SenseiErrorBody['error'];
