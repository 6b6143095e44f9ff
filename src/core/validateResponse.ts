import { SenseiResponseError } from './SenseiError.js';
import { type StandardSchemaV1, validateStandard } from './standardSchema.js';

/** Validates a response body with `schema`; a mismatch is a `SenseiResponseError`, never a crash. */
export async function validateResponse<T>(
  schema: StandardSchemaV1<unknown, T> | undefined,
  value: unknown,
  where: { method: string; url: string; status?: number | undefined; requestId?: string | undefined },
): Promise<T> {
  if (!schema) return value as T;
  const result = await validateStandard(schema, value);
  if (result.ok) return result.value;
  throw new SenseiResponseError({
    kind: 'invalid-response',
    message: `The response does not match the expected schema: ${result.message}`,
    ...where,
  });
}
