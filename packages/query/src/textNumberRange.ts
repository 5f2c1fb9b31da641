import type { QueryDsl } from './compileDql.js';

export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

const FRACTION = '(\\.[0-9]+)?';

/**
 * A numeric range over a field that holds numbers as strings (a contract number inside a
 * `flat_object`, where OpenSearch compares values as text). Text order is numeric order only
 * among numbers whose integer parts have the same number of digits, so the range is split:
 * values with more (or fewer) integer digits than the bound match by a digit-count regexp, and
 * values with as many digits are compared as text. Covers the non-negative decimals the logger
 * writes (status codes, durations, sizes).
 */
export function textNumberRange(field: string, operator: RangeOperator, bound: number): QueryDsl {
  const upward = operator === 'gt' || operator === 'gte';
  if (bound < 0) return upward ? regexp(field, `[0-9]+${FRACTION}`) : { bool: { must_not: [{ match_all: {} }] } };
  const text = String(bound);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text)) throw new RangeError(`cannot compare text-stored numbers with ${text}`);
  const digits = (text.split('.')[0] as string).length;
  const sameDigits = {
    bool: { filter: [regexp(field, `[0-9]{${digits}}${FRACTION}`), { range: { [field]: { [operator]: text } } }] },
  };
  if (upward) return anyOf([regexp(field, `[1-9][0-9]{${digits},}${FRACTION}`), sameDigits]);
  return digits > 1 ? anyOf([regexp(field, `[0-9]{1,${digits - 1}}${FRACTION}`), sameDigits]) : sameDigits;
}

function regexp(field: string, pattern: string): QueryDsl {
  return { regexp: { [field]: { value: pattern } } };
}

function anyOf(clauses: QueryDsl[]): QueryDsl {
  return { bool: { should: clauses, minimum_should_match: 1 } };
}
