import { describe, expect, it } from 'vitest';
import { documentFields } from './documentFields.js';
import { INDEX_MAPPING_SETTINGS, indexMappings, LOG_SCHEMA_VERSION } from './indexMappings.js';

function lookup(mappings: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = mappings;
  for (const part of path.split('.')) {
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
  }
  return node;
}

describe('indexMappings', () => {
  it('types every document field with its contract type', () => {
    const mappings = indexMappings();
    for (const field of documentFields) expect(lookup(mappings, field.path)?.type, field.path).toBe(field.type);
    expect(lookup(mappings, 'level')).toEqual({ type: 'keyword', ignore_above: 1024 });
    expect(lookup(mappings, 'http.response.status_code')).toEqual({ type: 'long' });
  });

  it('stores the app record as one flat_object and set-aside values unindexed', () => {
    const mappings = indexMappings();
    expect(lookup(mappings, 'app')).toEqual({ type: 'flat_object' });
    expect(lookup(mappings, 'loglift.oversize')).toEqual({ type: 'object', enabled: false });
    expect(lookup(mappings, 'log')).toEqual({ type: 'text' });
  });

  it('indexes nothing at the root that the contract does not name, and names its schema version', () => {
    expect(indexMappings().dynamic).toBe('false');
    expect(indexMappings()._meta).toEqual({ loglift_schema: LOG_SCHEMA_VERSION });
  });

  it('searches the message and every app value for bare words', () => {
    expect(INDEX_MAPPING_SETTINGS.query.default_field).toEqual([
      'message',
      'error.message',
      'error.stack_trace',
      'app',
    ]);
  });
});
