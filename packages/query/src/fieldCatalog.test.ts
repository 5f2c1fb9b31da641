import { describe, expect, it } from 'vitest';
import { catalogFromFieldCaps } from './fieldCaps.js';
import { FieldCatalog } from './fieldCatalog.js';

describe('FieldCatalog', () => {
  it('overlays the live mapping on the contract, with multi-fields and nested paths', () => {
    const catalog = FieldCatalog.fromMapping({
      '.ds-logs-1': {
        mappings: {
          properties: {
            level: { type: 'keyword' },
            x: {
              properties: {
                title: { type: 'text', fields: { keyword: { type: 'keyword' } } },
                items: { type: 'nested', properties: { qty: { type: 'long' } } },
              },
            },
          },
        },
      },
    });
    expect(catalog.get('level')).toEqual({ name: 'level', type: 'keyword', kind: 'keyword', mapped: true });
    expect(catalog.get('message')).toMatchObject({ type: 'text', mapped: false });
    expect(catalog.get('x.title.keyword')).toMatchObject({ kind: 'keyword' });
    expect(catalog.get('x.items.qty')).toMatchObject({ kind: 'number', nestedPath: 'x.items' });
    expect(catalog.get('kubernetes.labels.team')).toMatchObject({ kind: 'keyword' });
    expect(catalog.get('app.order.id')).toMatchObject({ kind: 'keyword', mapped: false });
    expect(catalog.get('unknown')).toBeUndefined();
  });

  it('expands wildcard names, leaving out nested containers', () => {
    const names = FieldCatalog.fromContract()
      .match('http.*')
      .map((field) => field.name);
    expect(names).toEqual([
      'http.request.id',
      'http.request.method',
      'http.response.body.size',
      'http.response.status_code',
      'http.route',
      'http.server.duration_ms',
    ]);
  });

  it('reads field capabilities when _mapping is not allowed', () => {
    const catalog = catalogFromFieldCaps({
      fields: {
        _id: { _id: { type: '_id' } },
        x: { object: { type: 'object' } },
        'x.n': { nested: { type: 'nested' } },
        'x.n.x': { long: { type: 'long' } },
        'kubernetes.labels.': { flat_object: { type: 'flat_object' } },
        'kubernetes.labels': { flat_object: { type: 'flat_object' } },
      },
    });
    expect(catalog.get('x.n.x')).toMatchObject({ kind: 'number', nestedPath: 'x.n', mapped: true });
    expect(catalog.get('x.n')).toMatchObject({ kind: 'nested' });
    expect(catalog.get('kubernetes.labels')).toMatchObject({ kind: 'flat_object', mapped: true });
    expect(catalog.get('x')).toBeUndefined();
    expect(catalog.get('_id')).toBeUndefined();
  });
});
