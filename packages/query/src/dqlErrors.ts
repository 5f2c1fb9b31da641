import { LogliftQueryError } from './errors.js';

/** A DQL query that does not parse. `position` is a 0-based offset into the query. */
export class DqlSyntaxError extends LogliftQueryError {
  override readonly name: string = 'DqlSyntaxError';
  constructor(
    readonly query: string,
    readonly position: number,
    readonly detail: string,
    readonly expected: readonly string[] = [],
  ) {
    super(`${detail} at position ${position + 1}\n${pointAt(query, position)}`);
  }
}

/** Lucene syntax that DQL does not have; `suggestion` is the DQL way to write it. */
export class DqlLuceneSyntaxError extends DqlSyntaxError {
  override readonly name = 'DqlLuceneSyntaxError';
  constructor(
    query: string,
    position: number,
    readonly construct: string,
    readonly suggestion: string,
  ) {
    super(query, position, `${construct} is Lucene syntax, not DQL; ${suggestion}`);
  }
}

/** A query that parses but cannot apply to the index's fields (e.g. `{...}` on a non-nested field). */
export class DqlFieldError extends LogliftQueryError {
  override readonly name = 'DqlFieldError';
  constructor(
    readonly query: string,
    readonly position: number,
    readonly field: string,
    detail: string,
  ) {
    super(`${detail} at position ${position + 1}\n${pointAt(query, position)}`);
  }
}

/** The query's line with a caret under the offending character. */
function pointAt(query: string, position: number): string {
  const lineStart = query.lastIndexOf('\n', position - 1) + 1;
  const lineEndAt = query.indexOf('\n', position);
  const line = query.slice(lineStart, lineEndAt === -1 ? undefined : lineEndAt);
  return `  ${line}\n  ${' '.repeat(position - lineStart)}^`;
}

/** Describes what the parser wanted, e.g. `expected "and", "or" or end of input`. */
export function describeExpected(expected: readonly string[]): string {
  if (expected.length === 0) return '';
  if (expected.length === 1) return `expected ${expected[0]}`;
  return `expected ${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}`;
}
