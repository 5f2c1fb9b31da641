import { isPlainObject } from '../json/normalizeJson.js';
import type { SavedObject } from './dashboardsClient.js';

export class NdjsonError extends Error {
  override readonly name = 'NdjsonError';
}

/**
 * Saved objects from an export file, one JSON object a line. The export's trailing summary line
 * (`exportedCount`, no id or type) is skipped. Anything else that is not a saved object is an
 * error naming the file and line, so a broken ConfigMap never reaches Dashboards.
 */
export function parseNdjson(text: string, file: string): SavedObject[] {
  const objects: SavedObject[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new NdjsonError(`${file} line ${line} is not JSON: ${(error as Error).message}`);
    }
    if (!isPlainObject(value)) throw new NdjsonError(`${file} line ${line} is not a JSON object`);
    if (!('id' in value) && !('type' in value) && 'exportedCount' in value) return;
    const { id, type, attributes, references } = value;
    if (typeof id !== 'string' || id === '' || typeof type !== 'string' || type === '') {
      throw new NdjsonError(`${file} line ${line} has no string "id" and "type": not a saved object`);
    }
    if (!isPlainObject(attributes))
      throw new NdjsonError(`${file} line ${line} (${type}/${id}) has no "attributes" object`);
    if (references !== undefined && !Array.isArray(references)) {
      throw new NdjsonError(`${file} line ${line} (${type}/${id}): "references" must be an array`);
    }
    const key = `${type}/${id}`;
    const first = seen.get(key);
    if (first !== undefined) throw new NdjsonError(`${file} line ${line} repeats ${key} from line ${first}`);
    seen.set(key, line);
    objects.push({
      id,
      type,
      attributes,
      ...(references ? { references: references as SavedObject['references'] } : {}),
    });
  });
  return objects;
}
