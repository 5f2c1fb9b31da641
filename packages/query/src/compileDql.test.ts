import { describe, expect, it } from 'vitest';
import { compileDql } from './compileDql.js';
import { FieldCatalog } from './fieldCatalog.js';

const catalog = FieldCatalog.fromMapping({
  'logs-x': {
    mappings: {
      properties: {
        x: {
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
  ['level:error', { term: { level: 'error' } }],
  ['message:timeout', { match: { message: 'timeout' } }],
  ['message:connection refused', { match: { message: 'connection refused' } }],
  ['message:"connection refused"', { match_phrase: { message: 'connection refused' } }],
  ['level:"error"', { match_phrase: { level: 'error' } }],
  ['x.bytes:503', { match: { 'x.bytes': 503 } }],
  // contract fields are typed at the root
  ['http.response.status_code:503', { match: { 'http.response.status_code': 503 } }],
  ['http.server.duration_ms > 100', { range: { 'http.server.duration_ms': { gt: 100 } } }],
  ['loglift.truncated:true', { match: { 'loglift.truncated': true } }],
  ['x.ratio:1.5', { match: { 'x.ratio': 1.5 } }],
  ['x.cached:true', { match: { 'x.cached': true } }],
  ['@timestamp:2024-05-01', { range: { '@timestamp': { gte: '2024-05-01', lte: '2024-05-01' } } }],
  ['kubernetes.labels.app:api', { term: { 'kubernetes.labels.app': 'api' } }],
  ['x.title.keyword:Hello', { term: { 'x.title.keyword': 'Hello' } }],
  // whatever an app logged is a string inside the app flat_object, at any depth
  ['app.order_id:42', { term: { 'app.order_id': '42' } }],
  ['app.order.id:o-42', { term: { 'app.order.id': 'o-42' } }],
  ['app.orderId:*', { exists: { field: 'app.orderId' } }],
  ['app.order.id:*', { wildcard: { 'app.order.id': { value: '*' } } }],
  // exists
  ['error.type:*', { exists: { field: 'error.type' } }],
  ['error.type:"*"', { match_phrase: { 'error.type': '*' } }],
  // wildcards in values
  ['kubernetes.pod_name:api-*', { query_string: { fields: ['kubernetes.pod_name'], query: 'api\\-*' } }],
  ['message:time*out', { query_string: { fields: ['message'], query: 'time*out' } }],
  ['url.path:/api/*', { query_string: { fields: ['url.path'], query: '\\/api\\/*' } }],
  ['message:no such*', { query_string: { fields: ['message'], query: 'no\\ such*' } }],
  ['message:a\\*b', { match: { message: 'a*b' } }],
  // wildcard field names
  [
    'service.*:api',
    should(
      { term: { 'service.environment': 'api' } },
      { term: { 'service.name': 'api' } },
      { term: { 'service.name_source': 'api' } },
      { term: { 'service.version': 'api' } },
    ),
  ],
  [
    'k8s.*.name:*',
    should(
      { exists: { field: 'k8s.namespace.name' } },
      { exists: { field: 'k8s.node.name' } },
      { exists: { field: 'k8s.pod.name' } },
    ),
  ],
  // bare values
  ['timeout', { multi_match: { type: 'best_fields', query: 'timeout', lenient: true } }],
  ['"connection reset"', { multi_match: { type: 'phrase', query: 'connection reset', lenient: true } }],
  ['conn*', { query_string: { query: 'conn*' } }],
  ['hello world', { multi_match: { type: 'best_fields', query: 'hello world', lenient: true } }],
  // ranges
  ['x.bytes >= 500', { range: { 'x.bytes': { gte: 500 } } }],
  ['x.bytes<400', { range: { 'x.bytes': { lt: 400 } } }],
  ['x.ratio > 0.25', { range: { 'x.ratio': { gt: 0.25 } } }],
  ['@timestamp <= "2024-05-01T10:00:00"', { range: { '@timestamp': { lte: '2024-05-01T10:00:00' } } }],
  ['@timestamp > now-1h', { range: { '@timestamp': { gt: 'now-1h' } } }],
  ['level < warn', { range: { level: { lt: 'warn' } } }],
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
  ['x.bytes > 1', { range: { 'x.bytes': { gt: 1 } } }, 'UTC'],
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
  ['level:(error or fatal)', should({ term: { level: 'error' } }, { term: { level: 'fatal' } })],
  [
    'message:(disk and not "disk ok")',
    filter({ match: { message: 'disk' } }, not({ match_phrase: { message: 'disk ok' } })),
  ],
  [
    'level:(warn or (error and not fatal))',
    should({ term: { level: 'warn' } }, filter({ term: { level: 'error' } }, not({ term: { level: 'fatal' } }))),
  ],
  // nested
  [
    'x.items:{ name:disk and qty > 2 }',
    {
      nested: {
        path: 'x.items',
        query: filter({ term: { 'x.items.name': 'disk' } }, { range: { 'x.items.qty': { gt: 2 } } }),
        score_mode: 'none',
      },
    },
  ],
  [
    'x.items.name:disk',
    { nested: { path: 'x.items', query: { term: { 'x.items.name': 'disk' } }, score_mode: 'none' } },
  ],
  // escapes
  ['url.path:/api\\:v1', { term: { 'url.path': '/api:v1' } }],
  ['message:\\(x\\)', { match: { message: '(x)' } }],
  ['message:cats \\and dogs', { match: { message: 'cats and dogs' } }],
  ['message:"say \\"hi\\""', { match_phrase: { message: 'say "hi"' } }],
  ['message:"back\\\\slash"', { match_phrase: { message: 'back\\slash' } }],
  ['message:tab\\there', { match: { message: 'tab\there' } }],
  ['message:\\u00e9t\\u00e9', { match: { message: 'été' } }],
  ['"level":error', { term: { level: 'error' } }],
  // keywords need spaces around them; words containing them are plain text
  ['message:cannot connect', { match: { message: 'cannot connect' } }],
  ['message:android', { match: { message: 'android' } }],
  ['message:sort order', { match: { message: 'sort order' } }],
  ['orange', { multi_match: { type: 'best_fields', query: 'orange', lenient: true } }],
  // hyphens and negative numbers are fine where a value is expected
  ['kubernetes.pod_name:api-7d9f', { term: { 'kubernetes.pod_name': 'api-7d9f' } }],
  ['x.bytes > -1', { range: { 'x.bytes': { gt: -1 } } }],
];

describe('compileDql', () => {
  it.each(cases)('compiles %j', (query, expected, timeZone) => {
    expect(compile(query, timeZone)).toEqual(expected);
  });
});
