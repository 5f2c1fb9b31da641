import { documentFields } from './documentFields.js';
import type { FieldSpec } from './fieldTypes.js';
import { OVERSIZE_VALUES } from './mergeKey.js';

type Mapping = Record<string, unknown>;
type Properties = Record<string, Mapping>;

/** Longest keyword value indexed; longer values stay in _source only (Lucene's term limit is 32 KiB). */
export const KEYWORD_IGNORE_ABOVE = 1024;

/**
 * Version of the document model the mappings describe, stored in the mappings' `_meta`. The
 * bootstrap rolls the data stream over when its write index has another, so new documents get
 * the new mappings at once instead of at the next size- or age-based rollover.
 */
export const LOG_SCHEMA_VERSION = 3;

/** Fields a bare search word (Dashboards' free text, DQL without a field) looks in. */
export const DEFAULT_SEARCH_FIELDS = ['message', 'error.message', 'error.stack_trace', 'app'] as const;

/**
 * Index settings that go with {@link indexMappings}: a root field holding a value of the wrong
 * type is left unindexed instead of failing the whole document (the lift only writes values of
 * the right type, so this is a safety net), and bare words search the message and every app value.
 */
export const INDEX_MAPPING_SETTINGS = {
  mapping: { ignore_malformed: 'true' },
  query: { default_field: [...DEFAULT_SEARCH_FIELDS] },
} as const;

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

/** Mappings of typed fields (dotted paths become nested objects), for any document shape. */
export function fieldMappings(fields: readonly FieldSpec[]): Properties {
  const properties: Properties = {};
  for (const field of fields) insert(properties, field.path.split('.'), leafMapping(field));
  return properties;
}

/**
 * The index mappings of a log document, generated from the contract: the bootstrap's index
 * template uses them, and so do tests that need an index shaped like production. The root is
 * `dynamic: false` (only the pipeline writes it, and only typed fields are indexed); everything
 * the app logged is one `flat_object` under the merge key, which accepts any key, any depth and
 * conflicting types across apps; values too long to index are kept unindexed in `loglift.oversize`.
 */
export function indexMappings(): Mapping {
  const properties = fieldMappings(documentFields);
  insert(properties, OVERSIZE_VALUES.split('.'), { type: 'object', enabled: false });
  return { dynamic: 'false', _meta: { loglift_schema: LOG_SCHEMA_VERSION }, properties };
}
