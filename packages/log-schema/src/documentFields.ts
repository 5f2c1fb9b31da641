import { appFields } from './appFields.js';
import type { FieldSpec, FieldType } from './fieldTypes.js';
import { MERGE_KEY } from './mergeKey.js';
import { pipelineFields } from './pipelineFields.js';
import { rateLimitFields } from './rateLimitFields.js';
import { awsNodeFields, workloadFields } from './workloadFields.js';
import { labelFields } from './workloadLabels.js';

/** Path of the value an app logged, as stored untyped inside the merge key, e.g. `level` -> `app.level`. */
export function appPath(path: string): string {
  return `${MERGE_KEY}.${path}`;
}

/**
 * Every typed field of a stored log document, with absolute paths. The contract's fields sit at
 * the root under their own names (`level`, `http.response.status_code`), written only by the lift.
 */
export const documentFields: readonly FieldSpec[] = [
  ...pipelineFields,
  ...appFields.map((field) => ({
    path: ('target' in field ? field.target : undefined) ?? field.path,
    type: field.type,
    origin: field.origin,
    description: field.description,
  })),
  ...labelFields,
  ...workloadFields,
  ...awsNodeFields,
  ...rateLimitFields,
];

const byPath = new Map(documentFields.map((field) => [field.path, field]));

/** Type of a document field, or undefined when the contract does not type it. */
export function fieldType(path: string): FieldType | undefined {
  return byPath.get(path)?.type;
}

/** True for `app` and any path below it: untyped app data, searchable as strings. */
export function isAppPath(path: string): boolean {
  return path === MERGE_KEY || path.startsWith(`${MERGE_KEY}.`);
}
