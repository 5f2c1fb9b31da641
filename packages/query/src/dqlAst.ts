/** Marks a `*` in an unquoted DQL literal. */
export const WILDCARD = Symbol('wildcard');

/** A field name or value as written, after escapes were resolved. */
export interface DqlLiteral {
  /** Text pieces and wildcards in order; a quoted literal never has wildcards. */
  readonly parts: readonly (string | typeof WILDCARD)[];
  readonly quoted: boolean;
  /** Offsets in the query string, for error messages. */
  readonly start: number;
  readonly end: number;
}

export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

export type DqlNode =
  | { readonly type: 'matchAll' }
  | { readonly type: 'or'; readonly children: readonly DqlNode[] }
  | { readonly type: 'and'; readonly children: readonly DqlNode[] }
  | { readonly type: 'not'; readonly child: DqlNode }
  | { readonly type: 'is'; readonly field: DqlLiteral | null; readonly value: DqlLiteral }
  | { readonly type: 'range'; readonly field: DqlLiteral; readonly operator: RangeOperator; readonly value: DqlLiteral }
  | { readonly type: 'nested'; readonly path: DqlLiteral; readonly child: DqlNode };

/** The literal's text with wildcards written as `*`. */
export function literalText(literal: DqlLiteral): string {
  return literal.parts.map((part) => (part === WILDCARD ? '*' : part)).join('');
}

export function hasWildcard(literal: DqlLiteral): boolean {
  return literal.parts.includes(WILDCARD);
}

/** True for an unquoted lone `*`, which means "exists" after a field and "everything" alone. */
export function isLoneWildcard(literal: DqlLiteral): boolean {
  return literal.parts.length === 1 && literal.parts[0] === WILDCARD;
}
