/**
 * `base` plus those entries of `optional` that are not undefined: optional
 * model fields stay absent (not `undefined`) when the document lacks them,
 * so parsed configs deep-equal hand-built ones. Adds to `base` in place
 * (callers pass a fresh literal) and returns it.
 */
export function withDefined<T extends object>(base: T, optional: { [K in keyof T]?: T[K] | undefined }): T {
  for (const key in optional) {
    const value = optional[key];
    if (value !== undefined) (base as Record<string, unknown>)[key] = value;
  }
  return base;
}
