/** A non-null, non-array object: the shape JSON objects take after toLoggable. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
