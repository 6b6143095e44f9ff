/**
 * The Standard Schema interface (standardschema.dev) that zod, valibot and arktype implement,
 * so `itemSchema` accepts any of them without depending on one.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
      options?: { readonly libraryOptions?: Record<string, unknown> | undefined } | undefined,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

// Written as the spec writes it, `| undefined` included: under `exactOptionalPropertyTypes` an
// issue without it does not accept zod's, valibot's or arktype's results (issue 20).
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };

/** The output type of a Standard Schema. */
export type InferOutput<S> = S extends StandardSchemaV1<unknown, infer O> ? O : unknown;

/** Validates `value`; returns the parsed value or the first issue as text. */
export async function validateStandard<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const result = await schema['~standard'].validate(value);
  if (result.issues) {
    const issue = result.issues[0];
    const path = issue?.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') ?? '';
    return { ok: false, message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid value'}` };
  }
  return { ok: true, value: result.value };
}
