import { FieldCatalog, type FieldInfo, fieldKind } from './fieldCatalog.js';

/** A `GET <index>/_field_caps?fields=*` response: field name → type → capabilities. */
export interface FieldCapsResponse {
  fields?: Record<string, Record<string, { type: string }>>;
}

/**
 * Catalog from the field capabilities API, which the `read` action group allows; `_mapping` needs
 * more, so readers with least privilege get their field types from here.
 */
export function catalogFromFieldCaps(response: FieldCapsResponse): FieldCatalog {
  const types = new Map<string, string>();
  for (const [name, byType] of Object.entries(response.fields ?? {})) {
    const type = Object.keys(byType)[0];
    if (!type || type === 'object' || name.startsWith('_') || name.endsWith('.')) continue;
    types.set(name, type);
  }
  const nested = [...types].filter(([, type]) => type === 'nested').map(([name]) => name);
  const fields: FieldInfo[] = [...types].map(([name, type]) => {
    const nestedPath = nested.filter((path) => name.startsWith(`${path}.`)).sort((a, b) => b.length - a.length)[0];
    return { name, type, kind: fieldKind(type), mapped: true, ...(nestedPath ? { nestedPath } : {}) };
  });
  return FieldCatalog.withContract(fields);
}
