export { type AppFieldPath, appFields } from './appFields.js';
export { documentFields, documentPath, fieldType } from './documentFields.js';
export { type FieldStorage, fieldStorage, flatObjectParents } from './fieldStorage.js';
export type { FieldOrigin, FieldSpec, FieldType } from './fieldTypes.js';
export { INDEX_MAPPING_SETTINGS, indexMappings, KEYWORD_IGNORE_ABOVE } from './indexMappings.js';
export { isLevel, LEVEL_VALUES, LEVELS, type Level } from './levels.js';
export type { KubernetesMetadata, LogDocument, LogRecord, PipelineDocument } from './logDocument.js';
export { MERGE_KEY, TIMESTAMP_FIELD } from './mergeKey.js';
export { pipelineFields } from './pipelineFields.js';
