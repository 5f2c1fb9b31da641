import { appFields, documentFields, documentPath, MERGE_KEY } from '@loglift/log-schema';
import { describe, expect, it } from 'vitest';
import { appStorage, buildLogMappings } from './logMappings.js';

function lookup(mappings: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = mappings;
  for (const part of path.split('.')) {
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
  }
  return node;
}

describe('log mappings', () => {
  it('types top-level app fields and pipeline fields with their contract type', () => {
    const mappings = buildLogMappings();
    for (const field of documentFields) {
      const app = field.path.startsWith(`${MERGE_KEY}.`) ? field.path.slice(MERGE_KEY.length + 1) : undefined;
      if (app !== undefined && appStorage(app)) continue;
      expect(lookup(mappings, field.path)?.type, field.path).toBe(field.type);
    }
    expect(lookup(mappings, documentPath('level'))).toEqual({ type: 'keyword', ignore_above: 1024 });
  });

  it('stores fields under contract parent objects in a flat_object per parent', () => {
    const mappings = buildLogMappings();
    const parents = new Set(appFields.filter((f) => f.path.includes('.')).map((f) => f.path.split('.')[0]));
    expect([...parents].sort()).toEqual(['client', 'error', 'http', 'k8s', 'log', 'service', 'url', 'user_agent']);
    for (const parent of parents) expect(lookup(mappings, `${MERGE_KEY}.${parent}`)).toEqual({ type: 'flat_object' });
  });

  it('keeps unknown fields out of the index at the root and under the merge key', () => {
    const mappings = buildLogMappings();
    expect(mappings.dynamic).toBe('false');
    expect(lookup(mappings, MERGE_KEY)).toMatchObject({ type: 'object', dynamic: 'false' });
  });

  it('types kubernetes labels as flat_object so any label key is accepted', () => {
    expect(lookup(buildLogMappings(), 'kubernetes.labels')).toEqual({ type: 'flat_object' });
  });
});
