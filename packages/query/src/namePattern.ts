import type { QueryDsl } from './compileDql.js';
import { InvalidInputError } from './errors.js';

/**
 * Clause for one name filter value, the way stern and grep users write one:
 *   `/regex/`  a regular expression found anywhere in the name; `^` and `$` anchor it
 *   `api-*`    a glob (`*`, `?`) over the whole name
 *   `api-7d9f` exactly that name
 * Lucene regular expressions always match the whole term and read `^`/`$` as plain characters,
 * so the expression is rewritten: unanchored ends get `.*`, anchors are dropped.
 */
export function namePatternClause(field: string, pattern: string, what: string): QueryDsl {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
    return { regexp: { [field]: { value: luceneRegexp(pattern.slice(1, -1), what) } } };
  }
  if (/[*?]/.test(pattern)) return { wildcard: { [field]: { value: pattern } } };
  return { term: { [field]: pattern } };
}

/** Any of the values (a comma-separated string or a list) matches. */
export function namePatternsClause(field: string, value: string | readonly string[], what: string): QueryDsl[] {
  const values = (typeof value === 'string' ? value.split(',') : [...value]).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) return [];
  const clauses = values.map((v) => namePatternClause(field, v, what));
  const plain = clauses.every((clause) => 'term' in clause);
  if (plain && values.length > 1) return [{ terms: { [field]: values } }];
  if (clauses.length === 1) return clauses;
  return [{ bool: { should: clauses, minimum_should_match: 1 } }];
}

function luceneRegexp(source: string, what: string): string {
  try {
    new RegExp(source);
  } catch (error) {
    throw new InvalidInputError(`invalid ${what} regular expression /${source}/: ${(error as Error).message}`);
  }
  const start = source.startsWith('^');
  const end = source.endsWith('$') && !source.endsWith('\\$');
  const body = source.slice(start ? 1 : 0, end ? -1 : undefined);
  return `${start ? '' : '.*'}${body}${end ? '' : '.*'}`;
}
