import type { DqlNode } from './dqlAst.js';
import { hasWildcard, literalText } from './dqlAst.js';
import type { LogClient } from './logClient.js';
import { parseDql } from './parseDql.js';

/** Why a query that runs fine may still find nothing; the query itself is left as written. */
export type DqlWarning =
  | { readonly kind: 'unknown-field'; readonly field: string; readonly message: string }
  | { readonly kind: 'unindexed-field'; readonly field: string; readonly message: string }
  | { readonly kind: 'trailing-operator'; readonly value: string; readonly word: string; readonly message: string };

/** `GET <index>/_field_caps` with the capabilities this module reads. */
export interface FieldCapsAnswer {
  readonly fields?: Readonly<Record<string, Readonly<Record<string, { type: string; searchable?: boolean }>>>>;
}

/** Field names the query names outright (no wildcards; nested children are relative, skipped). */
export function dqlFieldNames(node: DqlNode): string[] {
  const names = new Set<string>();
  const walk = (current: DqlNode) => {
    if (current.type === 'and' || current.type === 'or') current.children.forEach(walk);
    else if (current.type === 'not') walk(current.child);
    else if ((current.type === 'is' || current.type === 'range') && current.field && !hasWildcard(current.field)) {
      names.add(literalText(current.field));
    } else if (current.type === 'nested' && !hasWildcard(current.path)) names.add(literalText(current.path));
  };
  walk(node);
  return [...names];
}

/**
 * Unquoted values that end in a DQL keyword: `level:error and` is the value "error and" (the
 * keyword needs a term after it), as in Dashboards, but hardly ever what was meant.
 */
export function trailingOperatorWarnings(node: DqlNode): DqlWarning[] {
  const warnings: DqlWarning[] = [];
  const walk = (current: DqlNode) => {
    if (current.type === 'and' || current.type === 'or') current.children.forEach(walk);
    else if (current.type === 'not' || current.type === 'nested') walk(current.child);
    else if (current.type === 'is' && !current.value.quoted) {
      const value = literalText(current.value);
      const word = /(?:^|\s)(and|or|not)$/i.exec(value)?.[1];
      if (word !== undefined) {
        const field = current.field ? `${literalText(current.field)}:` : '';
        warnings.push({
          kind: 'trailing-operator',
          value,
          word,
          message: `${field}${value} searches for the value "${value}": "${word}" at the end is read as part of the value; add a term after it, or quote the value to mean it`,
        });
      }
    }
  };
  walk(node);
  return warnings;
}

/** Every dotted prefix of a name, longest first: `a.b.c` → `a.b`, `a`. */
function parents(name: string): string[] {
  const parts = name.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, parts.length - 1 - i).join('.'));
}

/**
 * Fields the index does not have, or has without indexing them, so that a clause on them
 * matches nothing. Subfields of a `flat_object` field are searchable without being listed.
 */
export function fieldWarnings(names: readonly string[], caps: FieldCapsAnswer, index: string): DqlWarning[] {
  const known = caps.fields ?? {};
  const warnings: DqlWarning[] = [];
  for (const field of names) {
    const byType = known[field];
    if (byType !== undefined) {
      const types = Object.values(byType);
      if (types.length > 0 && types.every((entry) => entry.searchable === false)) {
        warnings.push({
          kind: 'unindexed-field',
          field,
          message: `"${field}" is stored but not indexed in ${index}, so no query on it matches`,
        });
      }
      continue;
    }
    const flat = parents(field).some((parent) =>
      Object.values(known[parent] ?? {}).some((t) => t.type === 'flat_object'),
    );
    if (!flat) {
      warnings.push({
        kind: 'unknown-field',
        field,
        message: `${index} has no field "${field}", so it matches nothing`,
      });
    }
  }
  return warnings;
}

/** Parses the query and checks its field names against the index's field capabilities. */
export async function findDqlWarnings(client: LogClient, query: string, signal?: AbortSignal): Promise<DqlWarning[]> {
  if (!query.trim()) return [];
  const ast = parseDql(query);
  const warnings = trailingOperatorWarnings(ast);
  const names = dqlFieldNames(ast);
  if (names.length === 0) return warnings;
  const asked = [...new Set(names.flatMap((name) => [name, ...parents(name)]))];
  const caps = await client.request<FieldCapsAnswer>(
    {
      method: 'GET',
      path: `/${encodeURIComponent(client.index)}/_field_caps`,
      querystring: { fields: asked.join(','), ignore_unavailable: true, allow_no_indices: true },
    },
    signal,
  );
  return [...fieldWarnings(names, caps, client.index), ...warnings];
}
