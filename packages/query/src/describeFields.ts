import { documentFields, isAppPath, MERGE_KEY, TIMESTAMP_FIELD } from '@loglift/log-schema';
import type { LogClient } from './logClient.js';

/** A typed field as the index really has it. */
export interface IndexedField {
  readonly name: string;
  /** The index's type; `conflict` when backing indices disagree. */
  readonly type: string;
  readonly aggregatable: boolean;
  readonly searchable: boolean;
  readonly description: string;
}

/** A key an app logged, found in recent documents (searchable as `app.<path>`, as a string). */
export interface AppKey {
  readonly name: string;
  /** In how many of the sampled documents it appears. */
  readonly documents: number;
  /** JSON types of its values: string, number, boolean, object, array, null. */
  readonly valueTypes: readonly string[];
}

export interface FieldDescription {
  readonly fields: IndexedField[];
  readonly appKeys: AppKey[];
  /** How many recent documents were read to find the app keys. */
  readonly sampled: number;
}

interface CapsResponse {
  fields?: Record<string, Record<string, { type: string; searchable?: boolean; aggregatable?: boolean }>>;
}

const descriptions = new Map(documentFields.map((field) => [field.path, field.description]));

/**
 * What the index holds: every typed field with its real type and whether it aggregates (from
 * field capabilities, which a reader may call), and the keys apps logged under the merge key in
 * the `sample` most recent documents, which no mapping lists because `app` is one flat_object.
 */
export async function describeFields(
  client: LogClient,
  options: { sample?: number; signal?: AbortSignal } = {},
): Promise<FieldDescription> {
  const index = encodeURIComponent(client.index);
  const caps = await client.request<CapsResponse>(
    { method: 'GET', path: `/${index}/_field_caps?fields=*` },
    options.signal,
  );
  const fields: IndexedField[] = [];
  for (const [name, byType] of Object.entries(caps.fields ?? {})) {
    if (name.startsWith('_') || name.endsWith('.')) continue;
    const types = Object.keys(byType).filter((type) => type !== 'object');
    if (types.length === 0) continue;
    const capability = types.length === 1 ? byType[types[0] as string] : undefined;
    fields.push({
      name,
      type: types.length === 1 ? (types[0] as string) : 'conflict',
      aggregatable: capability?.aggregatable ?? false,
      searchable: capability?.searchable ?? false,
      description: descriptions.get(name) ?? '',
    });
  }
  fields.sort((a, b) => a.name.localeCompare(b.name));
  const sample = options.sample ?? 200;
  const recent = await client.request<{ hits: { hits: { _source?: Record<string, unknown> }[] } }>(
    {
      method: 'POST',
      path: `/${index}/_search`,
      body: {
        size: sample,
        sort: [{ [TIMESTAMP_FIELD]: 'desc' }],
        _source: [MERGE_KEY],
        query: { exists: { field: MERGE_KEY } },
      },
    },
    options.signal,
  );
  const keys = new Map<string, { documents: number; valueTypes: Set<string> }>();
  for (const hit of recent.hits.hits) {
    const seen = new Set<string>();
    collectKeys(hit._source?.[MERGE_KEY], MERGE_KEY, (path, type) => {
      const entry = keys.get(path) ?? { documents: 0, valueTypes: new Set<string>() };
      keys.set(path, entry);
      entry.valueTypes.add(type);
      if (!seen.has(path)) entry.documents += 1;
      seen.add(path);
    });
  }
  const appKeys = [...keys]
    .filter(([name]) => isAppPath(name))
    .map(([name, entry]) => ({ name, documents: entry.documents, valueTypes: [...entry.valueTypes].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { fields, appKeys, sampled: recent.hits.hits.length };
}

/** Calls `visit` with each leaf path below an object and the JSON type of its value. */
function collectKeys(value: unknown, path: string, visit: (path: string, type: string) => void): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const child = `${path}.${key}`;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) collectKeys(inner, child, visit);
    else visit(child, inner === null ? 'null' : Array.isArray(inner) ? 'array' : typeof inner);
  }
}
