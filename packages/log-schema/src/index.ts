export { type AppFieldPath, appFields } from './appFields.js';
export { appPath, documentFields, fieldType, isAppPath } from './documentFields.js';
export { contractFieldTable } from './fieldTable.js';
export type { AppFieldSpec, Conversion, FieldOrigin, FieldSpec, FieldType, LiftSource } from './fieldTypes.js';
export {
  DEFAULT_SEARCH_FIELDS,
  fieldMappings,
  INDEX_MAPPING_SETTINGS,
  indexMappings,
  KEYWORD_IGNORE_ABOVE,
  LOG_SCHEMA_VERSION,
} from './indexMappings.js';
export { isLevel, LEVEL_VALUES, LEVELS, type Level } from './levels.js';
export { convertValue } from './lift/convertValue.js';
export { detectStackTrace, type TextError } from './lift/detectStackTrace.js';
export { detectTextLevel } from './lift/detectTextLevel.js';
export { DROPPED_KEYS, liftRecord, ROOT_NAMES } from './lift/liftRecord.js';
export { LIFT_RULES, type LiftRule } from './lift/liftRules.js';
export { lookupPath } from './lift/lookupPath.js';
export { LEVEL_WORDS, normalizeLevel, otelSeverity } from './lift/normalizeLevel.js';
export { formatTime, parseTime } from './lift/parseTime.js';
export { APP_TERM_MAX_BYTES, type SetAside, setAsideOversize } from './lift/setAsideOversize.js';
export type { ContractFields, KubernetesMetadata, LogDocument, LogRecord, PipelineDocument } from './logDocument.js';
export { MERGE_KEY, OVERSIZE_FIELDS, OVERSIZE_VALUES, TIMESTAMP_FIELD } from './mergeKey.js';
export { pipelineFields } from './pipelineFields.js';
export { RATE_LIMIT_FIELDS, rateLimitFields } from './rateLimitFields.js';
export {
  groupDataStream,
  isNamespaceGlob,
  type NamespaceGroup,
  type NamespaceRouting,
  namespaceGlobSource,
  orderedGroups,
  type Route,
  routeNamespace,
} from './routing/namespaceRouting.js';
export { GROUP_NAME_PATTERN, groupStreams, NAMESPACE_PATTERN, routingProblems } from './routing/routingProblems.js';
export { DEFAULT_EVENTS_DATA_STREAM, eventFields } from './streams/eventFields.js';
export { DEFAULT_NODE_LOGS_DATA_STREAM, NODE_LOG_SOURCES, nodeLogFields } from './streams/nodeLogFields.js';
export {
  STREAM_MAPPING_SETTINGS,
  STREAM_SCHEMA_VERSIONS,
  type StreamKind,
  streamFields,
  streamIndexMappings,
} from './streams/streamMappings.js';
export { valueAt, valueMatchesType } from './valueMatchesType.js';
export {
  awsNodeFields,
  CRONJOB_SUFFIX,
  POD_TEMPLATE_HASH_LABEL,
  WORKLOAD_FIELDS,
  workloadFields,
  workloadOf,
} from './workloadFields.js';
export { labelField, labelFields, SERVICE_NAME_LABELS, WORKLOAD_LABELS } from './workloadLabels.js';
