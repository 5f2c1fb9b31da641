import { appFields } from './appFields.js';
import { documentFields, documentPath } from './documentFields.js';
import type { FieldType } from './fieldTypes.js';
import { MERGE_KEY } from './mergeKey.js';

/**
 * How the index stores a document field. Top-level app fields (`app.level`) keep their
 * contract type. A field under a contract parent object (`app.http.response.status_code`) is
 * stored inside that parent as a `flat_object`: another app may log the same parent key as a
 * plain value (`"error": "boom"`), and OpenSearch rejects a concrete value where an object is
 * mapped whatever `ignore_malformed` says, while a flat_object accepts both. Its subfields are
 * searchable and aggregatable as strings, so numbers there compare as text.
 */
export interface FieldStorage {
  readonly path: string;
  /** The type the contract gives the value. */
  readonly contractType: FieldType;
  /** The type the index queries it as: `keyword` for values inside a flat_object. */
  readonly indexedAs: FieldType;
  /** The flat_object field that holds it, when it is stored inside one. */
  readonly flatObject?: string;
}

/** Document paths of the flat_object parents under the merge key, e.g. `app.http`. */
export const flatObjectParents: readonly string[] = [
  ...new Set(
    appFields
      .map((field) => field.path.split('.'))
      .filter((parts) => parts.length > 1)
      .map((parts) => documentPath(parts[0] as string)),
  ),
];

const prefix = `${MERGE_KEY}.`;

export function fieldStorage(path: string): FieldStorage | undefined {
  const field = documentFields.find((candidate) => candidate.path === path);
  if (!field) return undefined;
  const parent = path.startsWith(prefix) ? flatObjectParents.find((p) => path.startsWith(`${p}.`)) : undefined;
  if (parent === undefined) return { path, contractType: field.type, indexedAs: field.type };
  return { path, contractType: field.type, indexedAs: 'keyword', flatObject: parent };
}
