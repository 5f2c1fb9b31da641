import { describe, expect, it } from 'vitest';
import { dqlFieldNames, fieldWarnings, trailingOperatorWarnings } from './dqlWarnings.js';
import { parseDql } from './parseDql.js';

describe('trailingOperatorWarnings', () => {
  it.each([
    ['level:error and', 'and'],
    ['error OR', 'OR'],
    ['a:b and c:d not', 'not'],
    ['a:(x or y and)', 'and'],
  ])('warns about %s', (query, word) => {
    expect(trailingOperatorWarnings(parseDql(query))).toEqual([
      expect.objectContaining({ kind: 'trailing-operator', word }),
    ]);
  });

  it('leaves quoted values and ordinary words alone', () => {
    expect(trailingOperatorWarnings(parseDql('message:"rock and"'))).toEqual([]);
    expect(trailingOperatorWarnings(parseDql('message:brand or level:notice'))).toEqual([]);
  });
});

describe('fieldWarnings', () => {
  const caps = {
    fields: {
      level: { keyword: { type: 'keyword', searchable: true } },
      app: { flat_object: { type: 'flat_object', searchable: true } },
      blob: { object: { type: 'object', searchable: false } },
      raw: { keyword: { type: 'keyword', searchable: false } },
    },
  };

  it('names fields the index does not have or does not index', () => {
    const names = dqlFieldNames(parseDql('level:error and app.user.id:7 and nope:1 and raw:x and not nope2 >= 3'));
    expect(names).toEqual(['level', 'app.user.id', 'nope', 'raw', 'nope2']);
    expect(fieldWarnings(names, caps, 'logs-x').map((w) => [w.kind, 'field' in w ? w.field : ''])).toEqual([
      ['unknown-field', 'nope'],
      ['unindexed-field', 'raw'],
      ['unknown-field', 'nope2'],
    ]);
  });

  it('skips wildcard field names and free text', () => {
    expect(dqlFieldNames(parseDql('app.*:x or timeout'))).toEqual([]);
  });
});
