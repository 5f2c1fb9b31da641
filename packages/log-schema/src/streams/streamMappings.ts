import type { FieldSpec } from '../fieldTypes.js';
import { fieldMappings } from '../indexMappings.js';
import { eventFields } from './eventFields.js';
import { nodeLogFields } from './nodeLogFields.js';

/** The document shapes stored beside container logs, each in its own data stream. */
export type StreamKind = 'events' | 'node';

const FIELDS: Record<StreamKind, readonly FieldSpec[]> = { events: eventFields, node: nodeLogFields };

/** Version of each shape, stored in the mappings' `_meta` so a reader can tell which one an index has. */
export const STREAM_SCHEMA_VERSIONS: Record<StreamKind, number> = { events: 1, node: 1 };

/** Typed fields of a stream's documents. */
export function streamFields(kind: StreamKind): readonly FieldSpec[] {
  return FIELDS[kind];
}

/**
 * Index mappings of a stream: `dynamic: false`, so only the typed fields are indexed and anything
 * else the source adds (journal fields, Event annotations) is kept in `_source` without a mapping
 * that could conflict.
 */
export function streamIndexMappings(kind: StreamKind): Record<string, unknown> {
  return {
    dynamic: 'false',
    _meta: { loglift_stream: kind, loglift_stream_schema: STREAM_SCHEMA_VERSIONS[kind] },
    properties: fieldMappings(FIELDS[kind]),
  };
}

/** Index settings of a stream: a value of the wrong type is left unindexed, never a rejected document. */
export const STREAM_MAPPING_SETTINGS = {
  mapping: { ignore_malformed: 'true' },
  query: { default_field: ['message'] },
} as const;
