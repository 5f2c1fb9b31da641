import { isPlainObject, type Json, normalizeJson } from './normalizeJson.js';

export interface JsonChange {
  readonly path: string;
  readonly op: 'add' | 'remove' | 'change';
  readonly from?: Json;
  readonly to?: Json;
}

/** Differences from `live` to `desired`, on normalized JSON, as dotted paths. */
export function diffJson(live: unknown, desired: unknown): JsonChange[] {
  const changes: JsonChange[] = [];
  walk(normalizeJson(live), normalizeJson(desired), '', changes);
  return changes;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function walk(from: Json | undefined, to: Json | undefined, path: string, out: JsonChange[]): void {
  if (from === undefined && to === undefined) return;
  if (from === undefined) {
    out.push({ path, op: 'add', to: to as Json });
    return;
  }
  if (to === undefined) {
    out.push({ path, op: 'remove', from });
    return;
  }
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    for (const key of keys) walk(from[key] as Json | undefined, to[key] as Json | undefined, join(path, key), out);
    return;
  }
  const stringSet = (value: Json): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (stringSet(from) && stringSet(to)) {
    for (const item of from.filter((entry) => !to.includes(entry))) out.push({ path, op: 'remove', from: item });
    for (const item of to.filter((entry) => !from.includes(entry))) out.push({ path, op: 'add', to: item });
    return;
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    const length = Math.max(from.length, to.length);
    for (let index = 0; index < length; index += 1) walk(from[index], to[index], join(path, index), out);
    return;
  }
  if (JSON.stringify(from) !== JSON.stringify(to)) out.push({ path, op: 'change', from, to });
}
