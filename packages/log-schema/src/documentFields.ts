import { appFields } from './appFields.js';
import type { FieldSpec, FieldType } from './fieldTypes.js';
import { MERGE_KEY } from './mergeKey.js';
import { pipelineFields } from './pipelineFields.js';

/** Path of an app field in the stored document, e.g. `level` -> `app.level`. */
export function documentPath(appPath: string): string {
  return `${MERGE_KEY}.${appPath}`;
}

/** Every typed field of a stored log document, with absolute paths. */
export const documentFields: readonly FieldSpec[] = [
  ...pipelineFields,
  ...appFields.map((field) => ({ ...field, path: documentPath(field.path) })),
];

const byPath = new Map(documentFields.map((field) => [field.path, field]));

/** Type of a document field, or undefined when the contract does not type it. */
export function fieldType(path: string): FieldType | undefined {
  return byPath.get(path)?.type;
}
