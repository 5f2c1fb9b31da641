import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { filterClauses } from './filters.js';
import { namePatternClause, namePatternsClause } from './namePattern.js';

const POD = 'kubernetes.pod_name';

describe('namePatternClause', () => {
  it.each([
    ['/task-service/', '.*task-service.*'],
    ['/^loglift-task/', 'loglift-task.*'],
    ['/-worker$/', '.*-worker'],
    ['/^api-[0-9a-f]+$/', 'api-[0-9a-f]+'],
    ['/price\\$/', '.*price\\$.*'],
  ])('finds the regular expression %s anywhere in the name unless anchored', (pattern, lucene) => {
    expect(namePatternClause(POD, pattern, 'pod')).toEqual({ regexp: { [POD]: { value: lucene } } });
  });

  it('matches globs over the whole name and plain names exactly', () => {
    expect(namePatternClause(POD, 'api-*', 'pod')).toEqual({ wildcard: { [POD]: { value: 'api-*' } } });
    expect(namePatternClause(POD, 'api-7d9f', 'pod')).toEqual({ term: { [POD]: 'api-7d9f' } });
  });

  it('names the filter and the problem for a broken expression', () => {
    expect(() => namePatternClause(POD, '/api-[/', 'container')).toThrow(InvalidInputError);
    expect(() => namePatternClause(POD, '/api-[/', 'container')).toThrow(/invalid container regular expression/);
  });
});

describe('namePatternsClause', () => {
  it('matches any of several values', () => {
    expect(namePatternsClause(POD, 'a,b', 'pod')).toEqual([{ terms: { [POD]: ['a', 'b'] } }]);
    expect(namePatternsClause(POD, ['a', '/b/'], 'pod')).toEqual([
      {
        bool: {
          should: [{ term: { [POD]: 'a' } }, { regexp: { [POD]: { value: '.*b.*' } } }],
          minimum_should_match: 1,
        },
      },
    ]);
    expect(namePatternsClause(POD, ' , ', 'pod')).toEqual([]);
  });

  it('leaves out excluded pods', () => {
    expect(filterClauses({ excludePod: '/-canary/' })).toEqual([
      { bool: { must_not: [{ regexp: { [POD]: { value: '.*-canary.*' } } }] } },
    ]);
  });
});
