import { describe, expect, it } from 'vitest';
import { compileDql } from './compileDql.js';
import { FieldCatalog } from './fieldCatalog.js';

const catalog = FieldCatalog.fromMapping({
  'logs-x': {
    mappings: {
      properties: {
        app: {
          properties: {
            items: { type: 'nested', properties: { name: { type: 'keyword' }, qty: { type: 'long' } } },
            title: { type: 'text', fields: { keyword: { type: 'keyword' } } },
            bytes: { type: 'long' },
            ratio: { type: 'double' },
            cached: { type: 'boolean' },
          },
        },
      },
    },
  },
});
const compile = (query: string, timeZone?: string) => compileDql(query, { catalog, timeZone });
const should = (...clauses: unknown[]) => ({ bool: { should: clauses, minimum_should_match: 1 } });
const filter = (...clauses: unknown[]) => ({ bool: { filter: clauses } });
const not = (clause: unknown) => ({ bool: { must_not: [clause] } });

const cases: [string, unknown, string?][] = [
  // empty and match-all
  ['', { match_all: {} }],
  ['   ', { match_all: {} }],
  ['*', { match_all: {} }],
  ['*:*', { match_all: {} }],
  // field types decide the clause
  ['app.level:error', { term: { 'app.level': 'error' } }],
  ['app.message:timeout', { match: { 'app.message': 'timeout' } }],
  ['app.message:connection refused', { match: { 'app.message': 'connection refused' } }],
  ['app.message:"connection refused"', { match_phrase: { 'app.message': 'connection refused' } }],
  ['app.level:"error"', { match_phrase: { 'app.level': 'error' } }],
  ['app.bytes:503', { match: { 'app.bytes': 503 } }],
  // contract numbers inside a flat_object parent are stored, and so matched, as strings
  ['app.http.response.status_code:503', { term: { 'app.http.response.status_code': '503' } }],
  ['app.log.truncated:true', { term: { 'app.log.truncated': 'true' } }],
  ['app.ratio:1.5', { match: { 'app.ratio': 1.5 } }],
  ['app.cached:true', { match: { 'app.cached': true } }],
  ['@timestamp:2024-05-01', { range: { '@timestamp': { gte: '2024-05-01', lte: '2024-05-01' } } }],
  ['kubernetes.labels.app:api', { term: { 'kubernetes.labels.app': 'api' } }],
  ['app.title.keyword:Hello', { term: { 'app.title.keyword': 'Hello' } }],
  ['app.order_id:42', { match: { 'app.order_id': '42' } }],
  // exists
  ['app.error.type:*', { exists: { field: 'app.error.type' } }],
  ['app.error.type:"*"', { match_phrase: { 'app.error.type': '*' } }],
  // wildcards in values
  ['kubernetes.pod_name:api-*', { query_string: { fields: ['kubernetes.pod_name'], query: 'api\\-*' } }],
  ['app.message:time*out', { query_string: { fields: ['app.message'], query: 'time*out' } }],
  ['app.url.path:/api/*', { query_string: { fields: ['app.url.path'], query: '\\/api\\/*' } }],
  ['app.message:no such*', { query_string: { fields: ['app.message'], query: 'no\\ such*' } }],
  ['app.message:a\\*b', { match: { 'app.message': 'a*b' } }],
  // wildcard field names
  [
    'app.service.*:api',
    should(
      { term: { 'app.service.environment': 'api' } },
      { term: { 'app.service.name': 'api' } },
      { term: { 'app.service.version': 'api' } },
    ),
  ],
  [
    'app.k8s.*.name:*',
    should(
      { exists: { field: 'app.k8s.namespace.name' } },
      { exists: { field: 'app.k8s.node.name' } },
      { exists: { field: 'app.k8s.pod.name' } },
    ),
  ],
  // bare values
  ['timeout', { multi_match: { type: 'best_fields', query: 'timeout', lenient: true } }],
  ['"connection reset"', { multi_match: { type: 'phrase', query: 'connection reset', lenient: true } }],
  ['conn*', { query_string: { query: 'conn*' } }],
  ['hello world', { multi_match: { type: 'best_fields', query: 'hello world', lenient: true } }],
  // ranges
  ['app.bytes >= 500', { range: { 'app.bytes': { gte: 500 } } }],
  ['app.bytes<400', { range: { 'app.bytes': { lt: 400 } } }],
  ['app.ratio > 0.25', { range: { 'app.ratio': { gt: 0.25 } } }],
  ['@timestamp <= "2024-05-01T10:00:00"', { range: { '@timestamp': { lte: '2024-05-01T10:00:00' } } }],
  ['@timestamp > now-1h', { range: { '@timestamp': { gt: 'now-1h' } } }],
  ['app.level < warn', { range: { 'app.level': { lt: 'warn' } } }],
  // time zone goes with date values only
  [
    '@timestamp >= 2024-05-01',
    { range: { '@timestamp': { gte: '2024-05-01', time_zone: 'Europe/Berlin' } } },
    'Europe/Berlin',
  ],
  [
    '@timestamp:2024-05-01',
    { range: { '@timestamp': { gte: '2024-05-01', lte: '2024-05-01', time_zone: '+02:00' } } },
    '+02:00',
  ],
  ['app.bytes > 1', { range: { 'app.bytes': { gt: 1 } } }, 'UTC'],
  // boolean operators and precedence: or < and < not
  ['a:1 and b:2', filter({ match: { a: '1' } }, { match: { b: '2' } })],
  ['a:1 or b:2', should({ match: { a: '1' } }, { match: { b: '2' } })],
  ['a:1 AND b:2 Or c:3', should(filter({ match: { a: '1' } }, { match: { b: '2' } }), { match: { c: '3' } })],
  ['a:1 or b:2 and c:3', should({ match: { a: '1' } }, filter({ match: { b: '2' } }, { match: { c: '3' } }))],
  ['not a:1 and b:2', filter(not({ match: { a: '1' } }), { match: { b: '2' } })],
  ['NOT a:1 or b:2', should(not({ match: { a: '1' } }), { match: { b: '2' } })],
  ['not (a:1 or b:2)', not(should({ match: { a: '1' } }, { match: { b: '2' } }))],
  ['(a:1 or b:2) and c:3', filter(should({ match: { a: '1' } }, { match: { b: '2' } }), { match: { c: '3' } })],
  ['a:1 or b:2 or c:3', should({ match: { a: '1' } }, { match: { b: '2' } }, { match: { c: '3' } })],
  ['((a:1))', { match: { a: '1' } }],
  ['not not a:1', not(not({ match: { a: '1' } }))],
  // value lists
  ['app.level:(error or fatal)', should({ term: { 'app.level': 'error' } }, { term: { 'app.level': 'fatal' } })],
  [
    'app.message:(disk and not "disk ok")',
    filter({ match: { 'app.message': 'disk' } }, not({ match_phrase: { 'app.message': 'disk ok' } })),
  ],
  [
    'app.level:(warn or (error and not fatal))',
    should(
      { term: { 'app.level': 'warn' } },
      filter({ term: { 'app.level': 'error' } }, not({ term: { 'app.level': 'fatal' } })),
    ),
  ],
  // nested
  [
    'app.items:{ name:disk and qty > 2 }',
    {
      nested: {
        path: 'app.items',
        query: filter({ term: { 'app.items.name': 'disk' } }, { range: { 'app.items.qty': { gt: 2 } } }),
        score_mode: 'none',
      },
    },
  ],
  [
    'app.items.name:disk',
    { nested: { path: 'app.items', query: { term: { 'app.items.name': 'disk' } }, score_mode: 'none' } },
  ],
  // escapes
  ['app.url.path:/api\\:v1', { term: { 'app.url.path': '/api:v1' } }],
  ['app.message:\\(x\\)', { match: { 'app.message': '(x)' } }],
  ['app.message:cats \\and dogs', { match: { 'app.message': 'cats and dogs' } }],
  ['app.message:"say \\"hi\\""', { match_phrase: { 'app.message': 'say "hi"' } }],
  ['app.message:"back\\\\slash"', { match_phrase: { 'app.message': 'back\\slash' } }],
  ['app.message:tab\\there', { match: { 'app.message': 'tab\there' } }],
  ['app.message:\\u00e9t\\u00e9', { match: { 'app.message': 'été' } }],
  ['"app.level":error', { term: { 'app.level': 'error' } }],
  // keywords need spaces around them; words containing them are plain text
  ['app.message:cannot connect', { match: { 'app.message': 'cannot connect' } }],
  ['app.message:android', { match: { 'app.message': 'android' } }],
  ['app.message:sort order', { match: { 'app.message': 'sort order' } }],
  ['orange', { multi_match: { type: 'best_fields', query: 'orange', lenient: true } }],
  // hyphens and negative numbers are fine where a value is expected
  ['kubernetes.pod_name:api-7d9f', { term: { 'kubernetes.pod_name': 'api-7d9f' } }],
  ['app.bytes > -1', { range: { 'app.bytes': { gt: -1 } } }],
];

describe('compileDql', () => {
  it.each(cases)('compiles %j', (query, expected, timeZone) => {
    expect(compile(query, timeZone)).toEqual(expected);
  });
});
