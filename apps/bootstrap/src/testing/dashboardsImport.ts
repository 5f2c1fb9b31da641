/**
 * Test helper: how Dashboards' `_import` sorts the objects of a file
 * (saved_objects/import/import_saved_objects.ts): an unknown type is `unsupported_type`, a
 * reference to an object neither in the file nor stored is `missing_references`, an existing
 * object without `overwrite` is a `conflict`; every other object is created, and `success` is
 * true only when nothing failed. A type/id twice in one file fails the whole request (400).
 */
export interface ImportObject {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  references?: { name: string; type: string; id: string }[];
}

export type ImportOutcome = { nonUnique: string[] } | { accepted: ImportObject[]; body: Record<string, unknown> };

export function sortImport(
  text: string,
  exists: (type: string, id: string) => boolean,
  knownTypes: ReadonlySet<string>,
  overwrite: boolean,
): ImportOutcome {
  const incoming = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Partial<ImportObject>)
    .filter((object): object is ImportObject => Boolean(object.id && object.type));
  const keys = incoming.map((object) => `${object.type}:${object.id}`);
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length > 0) return { nonUnique: repeated };
  const inFile = new Set(incoming.map((object) => `${object.type}/${object.id}`));
  const errors: unknown[] = [];
  const accepted: ImportObject[] = [];
  for (const object of incoming) {
    const meta = { title: object.attributes?.title };
    const missing = (object.references ?? []).filter(
      (ref) => !inFile.has(`${ref.type}/${ref.id}`) && !exists(ref.type, ref.id),
    );
    if (!knownTypes.has(object.type)) {
      errors.push({ id: object.id, type: object.type, meta, error: { type: 'unsupported_type' } });
    } else if (missing.length > 0) {
      const references = missing.map(({ type, id }) => ({ type, id }));
      errors.push({ id: object.id, type: object.type, meta, error: { type: 'missing_references', references } });
    } else if (!overwrite && exists(object.type, object.id)) {
      errors.push({ id: object.id, type: object.type, meta, error: { type: 'conflict' } });
    } else accepted.push(object);
  }
  const successResults = accepted.map(({ id, type, attributes }) => ({ id, type, meta: { title: attributes?.title } }));
  return {
    accepted,
    body: {
      success: errors.length === 0,
      successCount: accepted.length,
      ...(successResults.length > 0 ? { successResults } : {}),
      ...(errors.length > 0 ? { errors } : {}),
    },
  };
}
