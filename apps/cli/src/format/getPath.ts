/** Value at a dotted path, following nested objects and also literal dotted keys. */
export function getPath(source: unknown, path: string): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  const record = source as Record<string, unknown>;
  if (path in record) return record[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i -= 1) {
    const head = parts.slice(0, i).join('.');
    if (head in record) {
      const found = getPath(record[head], parts.slice(i).join('.'));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
