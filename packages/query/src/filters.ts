import { isLevel, LEVELS, type Level } from '@loglift/log-schema';
import type { QueryDsl } from './compileDql.js';
import { FIELDS } from './contractFields.js';
import { InvalidInputError } from './errors.js';
import { namePatternsClause } from './namePattern.js';

/** Filters named as `kubectl`/`stern` users know them. Lists match any of their values. */
export interface LogFilters {
  /**
   * Namespace, pod and container names: each value an exact name, a glob over the whole name
   * (`api-*`) or a regular expression between slashes found anywhere in it (`/api-[0-9a-f]+/`,
   * `/^api-/`); several values match any of them.
   */
  readonly namespace?: string | readonly string[];
  readonly pod?: string | readonly string[];
  /** Pods to leave out, written like `pod`. */
  readonly excludePod?: string | readonly string[];
  readonly container?: string | readonly string[];
  readonly node?: string | readonly string[];
  /** `key=value` pairs, all of which must match; dots in keys are stored as `_` by Fluent Bit. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly service?: string | readonly string[];
  /** Levels to include, or one level with `+` for "this level and above", e.g. `warn+`. */
  readonly level?: string | readonly string[];
  readonly traceId?: string;
}

/** Query clauses (all must match) for the given filters. */
export function filterClauses(filters: LogFilters = {}): QueryDsl[] {
  const clauses: QueryDsl[] = [];
  if (filters.namespace !== undefined)
    clauses.push(...namePatternsClause(FIELDS.namespace, filters.namespace, 'namespace'));
  if (filters.container !== undefined)
    clauses.push(...namePatternsClause(FIELDS.container, filters.container, 'container'));
  addValues(clauses, FIELDS.node, filters.node);
  addValues(clauses, FIELDS.service, filters.service);
  if (filters.traceId) clauses.push({ term: { [FIELDS.traceId]: filters.traceId } });
  if (filters.pod !== undefined) clauses.push(...namePatternsClause(FIELDS.pod, filters.pod, 'pod'));
  if (filters.excludePod !== undefined) {
    const excluded = namePatternsClause(FIELDS.pod, filters.excludePod, 'pod');
    if (excluded.length > 0) clauses.push({ bool: { must_not: excluded } });
  }
  for (const [key, value] of Object.entries(filters.labels ?? {})) {
    clauses.push({ term: { [`${FIELDS.labels}.${key.replaceAll('.', '_')}`]: value } });
  }
  if (filters.level !== undefined) clauses.push({ terms: { [FIELDS.level]: parseLevels(filters.level) } });
  return clauses;
}

/** `error`, `warn,error`, `warn+` or a list of those, as the level labels they stand for. */
export function parseLevels(level: string | readonly string[]): Level[] {
  const items = (typeof level === 'string' ? [level] : level).flatMap((item) => item.split(','));
  const levels = new Set<Level>();
  for (const raw of items.map((item) => item.trim().toLowerCase()).filter(Boolean)) {
    const atLeast = raw.endsWith('+');
    const name = atLeast ? raw.slice(0, -1) : raw;
    if (!isLevel(name)) {
      throw new InvalidInputError(`unknown level "${raw}": use one of ${LEVELS.join(', ')}, optionally with + (warn+)`);
    }
    for (const match of atLeast ? LEVELS.slice(LEVELS.indexOf(name)) : [name]) levels.add(match);
  }
  if (levels.size === 0) throw new InvalidInputError('--level needs at least one level');
  return LEVELS.filter((known) => levels.has(known));
}

function addValues(clauses: QueryDsl[], field: string, value: string | readonly string[] | undefined): void {
  if (value === undefined) return;
  const values = (typeof value === 'string' ? value.split(',') : [...value]).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) return;
  clauses.push(values.length === 1 ? { term: { [field]: values[0] } } : { terms: { [field]: values } });
}
