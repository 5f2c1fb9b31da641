import { documentFields } from './documentFields.js';
import { fieldStorage } from './fieldStorage.js';
import type { FieldSpec } from './fieldTypes.js';
import { MERGE_KEY } from './mergeKey.js';

type Mapping = Record<string, unknown>;
type Properties = Record<string, Mapping>;

/** Longest keyword value indexed; longer values stay in _source only (Lucene's term limit is 32 KiB). */
export const KEYWORD_IGNORE_ABOVE = 1024;

/**
 * Index settings that go with {@link indexMappings}: a contract field holding a value of the
 * wrong type is left unindexed instead of failing the whole document.
 */
export const INDEX_MAPPING_SETTINGS = { mapping: { ignore_malformed: 'true' } } as const;

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

/**
 * The index mappings of a log document, generated from the contract: the bootstrap's index
 * template uses them, and so do tests that need an index shaped like production. The root and
 * the merged app record are `dynamic: false`: fields outside the contract stay in _source but
 * are not indexed, so two apps that log one key with different types never fail each other's
 * documents. Contract parents under the merge key are `flat_object` (see fieldStorage).
 */
export function indexMappings(): Mapping {
  const properties: Properties = {};
  const appProperties: Properties = {};
  const prefix = `${MERGE_KEY}.`;
  for (const field of documentFields) {
    const storage = fieldStorage(field.path);
    if (!field.path.startsWith(prefix)) {
      insert(properties, field.path.split('.'), leafMapping(field));
    } else if (storage?.flatObject !== undefined) {
      appProperties[storage.flatObject.slice(prefix.length)] = { type: 'flat_object' };
    } else {
      appProperties[field.path.slice(prefix.length)] = leafMapping(field);
    }
  }
  properties[MERGE_KEY] = { type: 'object', dynamic: 'false', properties: appProperties };
  return { dynamic: 'false', properties };
}
