import { describe, expect, it } from 'vitest';
import { documentFields, documentPath } from './documentFields.js';
import { fieldStorage, flatObjectParents } from './fieldStorage.js';
import { indexMappings } from './indexMappings.js';
import { MERGE_KEY } from './mergeKey.js';

function lookup(mappings: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = mappings;
  for (const part of path.split('.')) {
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
  }
  return node;
}

describe('indexMappings', () => {
  it('types every field that is not inside a flat_object with its contract type', () => {
    const mappings = indexMappings();
    for (const field of documentFields) {
      if (fieldStorage(field.path)?.flatObject !== undefined) continue;
      expect(lookup(mappings, field.path)?.type, field.path).toBe(field.type);
    }
    expect(lookup(mappings, documentPath('level'))).toEqual({ type: 'keyword', ignore_above: 1024 });
  });

  it('maps each contract parent under the merge key as one flat_object', () => {
    const mappings = indexMappings();
    expect(flatObjectParents.length).toBeGreaterThan(0);
    for (const parent of flatObjectParents) expect(lookup(mappings, parent)).toEqual({ type: 'flat_object' });
    expect(lookup(mappings, documentPath('http.response.status_code'))).toBeUndefined();
  });

  it('keeps unknown fields out of the index at the root and under the merge key', () => {
    const mappings = indexMappings();
    expect(mappings.dynamic).toBe('false');
    expect(lookup(mappings, MERGE_KEY)).toMatchObject({ type: 'object', dynamic: 'false' });
  });

  it('types kubernetes labels as flat_object so any label key is accepted', () => {
    expect(lookup(indexMappings(), 'kubernetes.labels')).toEqual({ type: 'flat_object' });
  });
});
