import { describe, expect, it } from 'vitest';
import { appFields } from './appFields.js';
import { appPath, documentFields, fieldType, isAppPath } from './documentFields.js';

describe('document contract', () => {
  it('types every contract field at the document root under its own name (or its target)', () => {
    for (const field of appFields) {
      const root = ('target' in field ? field.target : undefined) ?? field.path;
      expect(fieldType(root), root).toBe(field.type);
    }
    expect(fieldType('loglift.truncated')).toBe('boolean');
    expect(fieldType('log')).toBe('text');
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

  it('keeps what the app logged as one flat_object and tells app paths apart', () => {
    expect(fieldType('app')).toBe('flat_object');
    expect(appPath('order.id')).toBe('app.order.id');
    expect(isAppPath('app.order.id')).toBe(true);
    expect(isAppPath('application')).toBe(false);
    expect(fieldType('app.level')).toBeUndefined();
    expect(fieldType('kubernetes.labels')).toBe('flat_object');
    expect(fieldType('labels.app_kubernetes_io_name')).toBe('keyword');
  });
});
