/**
 * The value at a dotted path of an app record, where any run of segments may also be one
 * literal dotted key: `log.level` finds `{"log":{"level":…}}` and `{"log.level":…}` alike (ECS
 * loggers write the second). Nested objects are tried first. Null counts as absent.
 */
export function lookupPath(record: unknown, path: string): unknown {
  return walk(record, path.split('.'), 0);
}

function walk(node: unknown, parts: readonly string[], from: number): unknown {
  if (from === parts.length) return node === null ? undefined : node;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const object = node as Record<string, unknown>;
  let key = '';
  for (let to = from; to < parts.length; to += 1) {
    key = to === from ? (parts[to] as string) : `${key}.${parts[to]}`;
    if (!Object.hasOwn(object, key)) continue;
    const found = walk(object[key], parts, to + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
