/** Joins class names, skipping empty ones; `undefined` when none is left (no empty attribute). */
export function cx(...names: readonly (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}
