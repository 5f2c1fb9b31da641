export { buildQuery, prepareQuery, type QueryInput } from './buildQuery.js';
export { type CompileOptions, compileDql, type QueryDsl } from './compileDql.js';
export { RequestTimeoutError, SchemeMismatchError, TlsTrustError } from './connectionErrors.js';
export { ERROR_LEVELS, FIELDS } from './contractFields.js';
export { type CountOptions, count } from './count.js';
export { type AuthOptions, type ConnectionOptions, createClient, DEFAULT_INDEX } from './createClient.js';
export { type AppKey, describeFields, type FieldDescription, type IndexedField } from './describeFields.js';
export type { DqlLiteral, DqlNode, RangeOperator } from './dqlAst.js';
export { DqlFieldError, DqlLuceneSyntaxError, DqlSyntaxError } from './dqlErrors.js';
export { type DqlWarning, findDqlWarnings } from './dqlWarnings.js';
export {
  AuthError,
  ClusterError,
  IndexNotFoundError,
  InvalidInputError,
  LogliftQueryError,
  QueryError,
  UnreachableError,
} from './errors.js';
export { type ExportOptions, exportLogs, supportsShardDoc } from './exportLogs.js';
export { FieldCatalog, type FieldInfo, type FieldKind, fieldKind, type MappingProperty } from './fieldCatalog.js';
export { filterClauses, type LogFilters, parseLevels } from './filters.js';
export { type FollowOptions, follow } from './follow.js';
export { LogClient, type LogClientSettings, type RawRequest } from './logClient.js';
export type { LogHit } from './logHit.js';
export { parseDql } from './parseDql.js';
export { MAX_SEARCH_LIMIT, type SearchOptions, type SearchResult, search } from './search.js';
export { type HistogramBucket, NO_LEVEL, type StatsOptions, type StatsResult, stats, type TopEntry } from './stats.js';
export {
  checkTimeZone,
  parseDuration,
  parseTimeExpression,
  resolveTimeRange,
  type TimeRange,
  type TimeRangeInput,
  zoneOffsetMinutes,
} from './timeRange.js';
