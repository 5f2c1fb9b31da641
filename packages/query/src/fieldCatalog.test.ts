import { describe, expect, it } from 'vitest';
import { catalogFromFieldCaps } from './fieldCaps.js';
import { FieldCatalog } from './fieldCatalog.js';

describe('FieldCatalog', () => {
  it('overlays the live mapping on the contract, with multi-fields and nested paths', () => {
    const catalog = FieldCatalog.fromMapping({
      '.ds-logs-1': {
        mappings: {
          properties: {
            app: {
              properties: {
                level: { type: 'keyword' },
                title: { type: 'text', fields: { keyword: { type: 'keyword' } } },
                items: { type: 'nested', properties: { qty: { type: 'long' } } },
              },
            },
          },
        },
      },
    });
    expect(catalog.get('app.level')).toEqual({ name: 'app.level', type: 'keyword', kind: 'keyword', mapped: true });
    expect(catalog.get('app.message')).toMatchObject({ type: 'text', mapped: false });
    expect(catalog.get('app.title.keyword')).toMatchObject({ kind: 'keyword' });
    expect(catalog.get('app.items.qty')).toMatchObject({ kind: 'number', nestedPath: 'app.items' });
    expect(catalog.get('kubernetes.labels.team')).toMatchObject({ kind: 'keyword' });
    expect(catalog.get('app.unknown')).toBeUndefined();
  });

  it('expands wildcard names, leaving out nested containers', () => {
    const names = FieldCatalog.fromContract()
      .match('app.http.*')
      .map((field) => field.name);
    expect(names).toEqual([
      'app.http.request.id',
      'app.http.request.method',
      'app.http.response.body.size',
      'app.http.response.status_code',
      'app.http.route',
      'app.http.server.duration_ms',
    ]);
  });

  it('reads field capabilities when _mapping is not allowed', () => {
    const catalog = catalogFromFieldCaps({
      fields: {
        _id: { _id: { type: '_id' } },
        app: { object: { type: 'object' } },
        'app.n': { nested: { type: 'nested' } },
        'app.n.x': { long: { type: 'long' } },
        'kubernetes.labels.': { flat_object: { type: 'flat_object' } },
        'kubernetes.labels': { flat_object: { type: 'flat_object' } },
      },
    });
    expect(catalog.get('app.n.x')).toMatchObject({ kind: 'number', nestedPath: 'app.n', mapped: true });
    expect(catalog.get('app.n')).toMatchObject({ kind: 'nested' });
    expect(catalog.get('kubernetes.labels')).toMatchObject({ kind: 'flat_object', mapped: true });
    expect(catalog.get('app')).toBeUndefined();
    expect(catalog.get('_id')).toBeUndefined();
  });
});
