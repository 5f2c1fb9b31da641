import { isPlainObject } from './isPlainObject.js';

/** Deep merge of plain objects; `over` wins for anything that is not an object on both sides. */
export function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = copyRecord(base);
  for (const key of Object.keys(over)) {
    const a = out[key];
    const b = over[key];
    out[key] = isPlainObject(a) && isPlainObject(b) ? mergeObjects(a, b) : b;
  }
  return out;
}

/**
 * A shallow copy that stays fast to extend. (V8 makes objects cloned with `{ ...r }` very slow to
 * add properties to; Object.assign does not, but would run a `__proto__` setter, so such rare
 * records use the spread.)
 */
export function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  return Object.hasOwn(record, '__proto__') ? { ...record } : Object.assign({}, record);
}
