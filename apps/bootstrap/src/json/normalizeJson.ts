export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Canonical form for comparing desired and live objects: keys sorted, arrays of strings sorted
 * (they are sets: permissions, patterns), numbers and booleans as strings (OpenSearch returns
 * settings such as `number_of_shards` as strings), undefined dropped.
 */
export function normalizeJson(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => normalizeJson(item) ?? null);
    return items.every((item) => typeof item === 'string') ? [...(items as string[])].sort() : items;
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = normalizeJson((value as Record<string, unknown>)[key]);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  return String(value);
}

/**
 * The live object cut down to the shape of the desired one: keys the desired object does not
 * set (server defaults such as `last_updated_time` or an action's `retry`) are dropped; extra
 * array items are kept so that additions show up as a difference.
 */
export function projectLive(live: unknown, desired: unknown): unknown {
  if (Array.isArray(desired) && Array.isArray(live)) {
    return live.map((item, index) => (index < desired.length ? projectLive(item, desired[index]) : item));
  }
  if (isPlainObject(desired) && isPlainObject(live)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(desired)) {
      if (key in live) out[key] = projectLive(live[key], desired[key]);
    }
    return out;
  }
  return live;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalizeJson(a)) === JSON.stringify(normalizeJson(b));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
