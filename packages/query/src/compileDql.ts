import { isAppPath } from '@loglift/log-schema';
import { type DqlLiteral, type DqlNode, hasWildcard, isLoneWildcard, literalText, WILDCARD } from './dqlAst.js';
import { DqlFieldError } from './dqlErrors.js';
import type { FieldCatalog, FieldInfo } from './fieldCatalog.js';
import { parseDql } from './parseDql.js';

/** An OpenSearch query DSL clause, e.g. `{ term: { 'app.level': 'error' } }`. */
export type QueryDsl = Record<string, unknown>;

export interface CompileOptions {
  readonly catalog: FieldCatalog;
  /** IANA zone or offset sent as `time_zone` with date values, e.g. `Europe/Berlin`. */
  readonly timeZone?: string;
}

interface Scope {
  readonly query: string;
  readonly options: CompileOptions;
  /** `path.` inside `path:{...}`, so inner field names are relative to the nested field. */
  readonly prefix: string;
  readonly nestedPath?: string;
}

/**
 * Compiles DQL to query DSL with the meaning OpenSearch Dashboards gives it: keyword fields get
 * `term`, text fields `match`, quoted values `match_phrase`, wildcards `query_string`, `field:*`
 * `exists`, date values a `range` over the value, bare values a lenient `multi_match`.
 */
export function compileDql(query: string, options: CompileOptions): QueryDsl {
  return compileNode(parseDql(query), { query, options, prefix: '' });
}

function compileNode(node: DqlNode, scope: Scope): QueryDsl {
  switch (node.type) {
    case 'matchAll':
      return { match_all: {} };
    case 'or':
      return { bool: { should: node.children.map((child) => compileNode(child, scope)), minimum_should_match: 1 } };
    case 'and':
      return { bool: { filter: node.children.map((child) => compileNode(child, scope)) } };
    case 'not':
      return { bool: { must_not: [compileNode(node.child, scope)] } };
    case 'is':
      return node.field === null ? compileBareValue(node.value) : compileIs(node.field, node.value, scope);
    case 'range':
      return anyOf(
        resolveFields(node.field, scope).map((field) => {
          const bound: Record<string, unknown> = { [node.operator]: typedValue(field, node.value, scope) };
          if (field.kind === 'date' && scope.options.timeZone) bound.time_zone = scope.options.timeZone;
          return wrapNested(field, { range: { [field.name]: bound } }, scope);
        }),
      );
    case 'nested':
      return compileNested(node.path, node.child, scope);
  }
}

function compileBareValue(value: DqlLiteral): QueryDsl {
  if (!value.quoted && isLoneWildcard(value)) return { match_all: {} };
  if (hasWildcard(value)) return { query_string: { query: toQueryString(value) } };
  return { multi_match: { type: value.quoted ? 'phrase' : 'best_fields', query: literalText(value), lenient: true } };
}

function compileIs(fieldLiteral: DqlLiteral, value: DqlLiteral, scope: Scope): QueryDsl {
  const exists = !value.quoted && isLoneWildcard(value);
  if (exists && !fieldLiteral.quoted && isLoneWildcard(fieldLiteral) && !scope.nestedPath) return { match_all: {} };
  const fields = resolveFields(fieldLiteral, scope);
  return anyOf(
    fields.map((field) => {
      const text = literalText(value);
      let clause: QueryDsl;
      if (exists) clause = existsClause(field.name);
      else if (hasWildcard(value)) clause = { query_string: { fields: [field.name], query: toQueryString(value) } };
      else if (value.quoted) clause = { match_phrase: { [field.name]: text } };
      else if (field.kind === 'date') {
        const bound: Record<string, unknown> = { gte: text, lte: text };
        if (scope.options.timeZone) bound.time_zone = scope.options.timeZone;
        clause = { range: { [field.name]: bound } };
      } else if (field.kind === 'keyword') {
        clause = { term: { [field.name]: text } };
      } else clause = { match: { [field.name]: typedValue(field, value, scope) } };
      return wrapNested(field, clause, scope);
    }),
  );
}

function compileNested(pathLiteral: DqlLiteral, child: DqlNode, scope: Scope): QueryDsl {
  const path = scope.prefix + literalText(pathLiteral);
  const field = scope.options.catalog.get(path);
  if (field?.kind !== 'nested') {
    const what = field ? `is of type ${field.type}` : 'is not in the mapping';
    throw new DqlFieldError(
      scope.query,
      pathLiteral.start,
      path,
      `"${path}" ${what}; "field:{...}" applies only to nested fields, write "${path}.<name>:value" instead`,
    );
  }
  const inner = compileNode(child, { ...scope, prefix: `${path}.`, nestedPath: path });
  return { nested: { path, query: inner, score_mode: 'none' } };
}

/** Expands wildcard field names; unknown plain names pass through as Dashboards does. */
function resolveFields(literal: DqlLiteral, scope: Scope): FieldInfo[] {
  const name = scope.prefix + literalText(literal);
  const { catalog } = scope.options;
  if (!literal.quoted && hasWildcard(literal)) {
    const fields = catalog.match(name);
    if (fields.length === 0) {
      throw new DqlFieldError(scope.query, literal.start, name, `no field matches "${name}"`);
    }
    return fields;
  }
  return [catalog.get(name) ?? { name, type: 'unknown', kind: 'other', mapped: false }];
}

/**
 * `field:*`. OpenSearch's `exists` finds flat_object subfields only one level below the object
 * (`app.orderId`, not `app.order.id`), while a `*` wildcard finds any depth, so deeper app paths
 * use the wildcard.
 */
function existsClause(name: string): QueryDsl {
  if (isAppPath(name) && name.split('.').length > 2) return { wildcard: { [name]: { value: '*' } } };
  return { exists: { field: name } };
}

/** Numbers for numeric fields and booleans for boolean fields; a clear error when they do not fit. */
function typedValue(field: FieldInfo, value: DqlLiteral, scope: Scope): string | number | boolean {
  const text = literalText(value);
  if (field.kind === 'number') {
    const number = Number(text);
    if (text.trim() === '' || Number.isNaN(number)) {
      throw new DqlFieldError(scope.query, value.start, field.name, `"${field.name}" is a number field, not "${text}"`);
    }
    return number;
  }
  if (field.kind === 'boolean') {
    if (text !== 'true' && text !== 'false') {
      throw new DqlFieldError(scope.query, value.start, field.name, `"${field.name}" is true or false, not "${text}"`);
    }
    return text === 'true';
  }
  return text;
}

/** Fields under a nested field need a `nested` wrapper unless we are already inside it. */
function wrapNested(field: FieldInfo, clause: QueryDsl, scope: Scope): QueryDsl {
  if (!field.nestedPath || field.nestedPath === scope.nestedPath) return clause;
  return { nested: { path: field.nestedPath, query: clause, score_mode: 'none' } };
}

function anyOf(clauses: QueryDsl[]): QueryDsl {
  return clauses.length === 1 ? (clauses[0] as QueryDsl) : { bool: { should: clauses, minimum_should_match: 1 } };
}

/** Escapes query_string syntax in the literal parts and keeps `*` as the wildcard. */
function toQueryString(value: DqlLiteral): string {
  return value.parts
    .map((part) => (part === WILDCARD ? '*' : part.replace(/[+\-=&|><!(){}[\]^"~*?:\\/\s]/g, '\\$&')))
    .join('');
}
