import { documentFields, documentPath, type FieldSpec, fieldStorage, MERGE_KEY } from '@loglift/log-schema';

type Mapping = Record<string, unknown>;
type Properties = Record<string, Mapping>;

/** Longest keyword value indexed; longer values stay in _source only (Lucene's term limit is 32 KiB). */
export const KEYWORD_IGNORE_ABOVE = 1024;

function leafMapping(field: FieldSpec): Mapping {
  switch (field.type) {
    case 'keyword':
      return { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE };
    case 'date':
      return { type: 'date', format: 'strict_date_optional_time||epoch_millis' };
    default:
      return { type: field.type };
  }
}

function insert(properties: Properties, parts: readonly string[], leaf: Mapping): void {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  if (rest.length === 0) {
    properties[head] = leaf;
    return;
  }
  const parent = properties[head] ?? { properties: {} };
  properties[head] = parent;
  parent.properties ??= {};
  insert(parent.properties as Properties, rest, leaf);
}

/** Where an app field is stored: inside a flat_object parent, per the contract's storage rules. */
export function appStorage(appPath: string): { parent: string; type: 'flat_object' } | undefined {
  const storage = fieldStorage(documentPath(appPath));
  if (storage?.flatObject === undefined) return undefined;
  return { parent: storage.flatObject.slice(MERGE_KEY.length + 1), type: 'flat_object' };
}

/**
 * Index mappings generated from the document contract. The root and the merged app record are
 * `dynamic: false`: fields outside the contract stay in _source but are not indexed, so two
 * apps that log one key with different types can never make each other's documents fail.
 */
export function buildLogMappings(fields: readonly FieldSpec[] = documentFields): Mapping {
  const properties: Properties = {};
  const appProperties: Properties = {};
  const prefix = `${MERGE_KEY}.`;
  for (const field of fields) {
    if (!field.path.startsWith(prefix)) {
      insert(properties, field.path.split('.'), leafMapping(field));
      continue;
    }
    const appPath = field.path.slice(prefix.length);
    const storage = appStorage(appPath);
    if (storage) appProperties[storage.parent] = { type: storage.type };
    else appProperties[appPath] = leafMapping(field);
  }
  properties[MERGE_KEY] = { type: 'object', dynamic: 'false', properties: appProperties };
  return { dynamic: 'false', properties };
}
