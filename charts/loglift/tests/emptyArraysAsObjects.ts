/**
 * Empty arrays as empty objects: the test harness decodes records with cjson, which cannot tell
 * `[]` from `{}`, and marks both as maps. Fluent Bit marks each table with its msgpack type and
 * the lift keeps that mark on every copy, so in Fluent Bit an empty array stays an array.
 */
export function emptyArraysAsObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? {} : value.map(emptyArraysAsObjects);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, emptyArraysAsObjects(item)]));
}
