import { describe, expect, it } from 'vitest';
import { appFields } from './appFields.js';
import { documentFields, documentPath, fieldType } from './documentFields.js';
import { MERGE_KEY } from './mergeKey.js';

describe('document contract', () => {
  it('places every app field under the merge key', () => {
    for (const field of appFields) {
      expect(fieldType(documentPath(field.path))).toBe(field.type);
      expect(documentPath(field.path).startsWith(`${MERGE_KEY}.`)).toBe(true);
    }
  });

  it('has no duplicate paths', () => {
    const paths = documentFields.map((field) => field.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('never types a path both as a leaf and as a parent object', () => {
    const paths = new Set(documentFields.map((field) => field.path));
    for (const path of paths) {
      const parts = path.split('.');
      for (let i = 1; i < parts.length; i += 1) {
        expect(paths.has(parts.slice(0, i).join('.')), `${path} is under a leaf`).toBe(false);
      }
    }
  });

  it('returns undefined for fields the contract does not type', () => {
    expect(fieldType('app.order_id')).toBeUndefined();
    expect(fieldType('app.level')).toBe('keyword');
    expect(fieldType('kubernetes.labels')).toBe('flat_object');
  });
});
