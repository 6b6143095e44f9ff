'use client';
import { useMemo } from 'react';
import { getFieldErrors, type FieldErrorMap } from '../core/getFieldErrors.js';

/**
 * Field errors of a 400/422 error (see `getFieldErrors`) as `{ [field]: message }`, memoised per
 * error so it can be an effect dependency.
 *
 * @example
 * // react-hook-form
 * const fieldErrors = useFieldErrors(mutation.error);
 * useEffect(() => {
 *   for (const [name, message] of Object.entries(fieldErrors)) setError(name as keyof Values, { type: 'server', message });
 * }, [fieldErrors, setError]);
 */
export function useFieldErrors(error: unknown): Readonly<FieldErrorMap> {
  return useMemo(() => getFieldErrors(error), [error]);
}
