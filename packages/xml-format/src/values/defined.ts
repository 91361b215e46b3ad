/**
 * `base` plus those entries of `optional` that are not undefined: optional
 * model fields stay absent (not `undefined`) when the document lacks them,
 * so parsed configs deep-equal hand-built ones.
 */
export function withDefined<T extends object>(base: T, optional: { [K in keyof T]?: T[K] | undefined }): T {
  const result = { ...base };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  }
  return result;
}
