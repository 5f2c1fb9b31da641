import { documentFields, type FieldType } from '@loglift/log-schema';

const AGGREGATABLE: readonly FieldType[] = ['keyword', 'long', 'double', 'date', 'boolean'];
const NUMERIC: readonly FieldType[] = ['long', 'double'];

export type FieldUse = 'terms' | 'number' | 'date' | 'column';

/**
 * A document field the shipped Dashboards content uses, checked against the log-schema contract
 * when the content is built: a renamed field, or one whose type no longer allows the aggregation
 * (a `text` or `flat_object` field cannot be a terms bucket), fails here instead of showing an
 * empty panel.
 */
export function contentField(path: string, use: FieldUse): string {
  const spec = documentFields.find((field) => field.path === path);
  if (!spec) throw new Error(`Dashboards content uses "${path}", which is not a field of the log document`);
  const allowed = use === 'terms' ? AGGREGATABLE : use === 'number' ? NUMERIC : use === 'date' ? ['date'] : undefined;
  if (allowed && !allowed.includes(spec.type)) {
    throw new Error(`Dashboards content uses "${path}" for ${use}, but it is mapped as ${spec.type}`);
  }
  return path;
}
