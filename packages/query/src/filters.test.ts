import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { filterClauses, parseLevels } from './filters.js';

describe('filterClauses', () => {
  it.each([
    [{}, []],
    [{ namespace: 'shop' }, [{ term: { 'kubernetes.namespace_name': 'shop' } }]],
    [{ namespace: 'a,b' }, [{ terms: { 'kubernetes.namespace_name': ['a', 'b'] } }]],
    [{ container: ['app', 'sidecar'] }, [{ terms: { 'kubernetes.container_name': ['app', 'sidecar'] } }]],
    [{ node: 'node-1' }, [{ term: { 'kubernetes.host': 'node-1' } }]],
    [{ service: 'api' }, [{ term: { 'service.name': 'api' } }]],
    [{ traceId: 'abc' }, [{ term: { trace_id: 'abc' } }]],
    [{ pod: 'api-7d9f' }, [{ term: { 'kubernetes.pod_name': 'api-7d9f' } }]],
    [{ pod: 'api-*' }, [{ wildcard: { 'kubernetes.pod_name': { value: 'api-*' } } }]],
    [{ pod: '/api-[0-9]+/' }, [{ regexp: { 'kubernetes.pod_name': { value: '.*api-[0-9]+.*' } } }]],
    [
      { labels: { 'app.kubernetes.io/name': 'api', tier: 'web' } },
      [{ term: { 'kubernetes.labels.app_kubernetes_io/name': 'api' } }, { term: { 'kubernetes.labels.tier': 'web' } }],
    ],
    [{ level: 'warn+' }, [{ terms: { level: ['warn', 'error', 'fatal'] } }]],
  ])('turns %j into clauses', (filters, expected) => {
    expect(filterClauses(filters)).toEqual(expected);
  });

  it('rejects a broken pod regular expression', () => {
    expect(() => filterClauses({ pod: '/api-[/' })).toThrow(InvalidInputError);
  });
});

describe('parseLevels', () => {
  it('accepts lists, case and minimums, returned in severity order', () => {
    expect(parseLevels('ERROR,warn')).toEqual(['warn', 'error']);
    expect(parseLevels(['fatal', 'error+'])).toEqual(['error', 'fatal']);
  });

  it('names the bad level', () => {
    expect(() => parseLevels('critical')).toThrow(/unknown level "critical"/);
  });
});
