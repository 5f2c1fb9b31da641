import { compileDql, type QueryDsl } from './compileDql.js';
import { FIELDS } from './contractFields.js';
import type { FieldCatalog } from './fieldCatalog.js';
import { filterClauses, type LogFilters } from './filters.js';
import type { LogClient } from './logClient.js';
import { parseDql } from './parseDql.js';
import type { TimeRange } from './timeRange.js';

export interface QueryInput {
  /** DQL, as typed in Dashboards' search bar; empty means everything. */
  readonly query?: string;
  readonly filters?: LogFilters;
  /** Time zone for dates written inside the DQL query. */
  readonly timeZone?: string;
}

/** One `bool.filter` of the DQL query, the named filters and the time range. */
export function buildQuery(input: QueryInput, range: TimeRange, catalog: FieldCatalog): QueryDsl {
  const clauses: QueryDsl[] = [];
  if (input.query?.trim()) {
    const dql = compileDql(input.query, { catalog, ...(input.timeZone ? { timeZone: input.timeZone } : {}) });
    if (!('match_all' in dql)) clauses.push(dql);
  }
  clauses.push(...filterClauses(input.filters));
  const timeClause = rangeClause(range);
  if (timeClause) clauses.push(timeClause);
  return clauses.length === 0 ? { match_all: {} } : { bool: { filter: clauses } };
}

export function rangeClause(range: TimeRange, bounds: { gt?: Date } = {}): QueryDsl | undefined {
  const body: Record<string, string> = {};
  if (bounds.gt) body.gt = bounds.gt.toISOString();
  else if (range.from) body.gte = range.from.toISOString();
  if (range.to) body.lte = range.to.toISOString();
  if (Object.keys(body).length === 0) return undefined;
  return { range: { [FIELDS.timestamp]: { ...body, format: 'strict_date_optional_time' } } };
}

/** Like buildQuery with the client's fields, but reports bad DQL or filters before any request. */
export async function prepareQuery(client: LogClient, input: QueryInput, range: TimeRange): Promise<QueryDsl> {
  if (input.query?.trim()) parseDql(input.query);
  filterClauses(input.filters);
  return buildQuery(input, range, await client.fields());
}
