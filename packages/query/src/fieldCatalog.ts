import { documentFields } from '@loglift/log-schema';

/** How DQL treats a field: decides term vs match vs range and date handling. */
export type FieldKind = 'keyword' | 'text' | 'number' | 'date' | 'boolean' | 'flat_object' | 'nested' | 'other';

export interface FieldInfo {
  readonly name: string;
  /** The OpenSearch type, e.g. `keyword`, `long`, `flat_object`. */
  readonly type: string;
  readonly kind: FieldKind;
  /** Path of the closest enclosing `nested` field, when there is one. */
  readonly nestedPath?: string;
  /** True when the field comes from the live mapping (not only from the contract). */
  readonly mapped: boolean;
}

const KINDS: Record<string, FieldKind> = {
  keyword: 'keyword',
  constant_keyword: 'keyword',
  wildcard: 'keyword',
  ip: 'keyword',
  version: 'keyword',
  text: 'text',
  match_only_text: 'text',
  long: 'number',
  integer: 'number',
  short: 'number',
  byte: 'number',
  double: 'number',
  float: 'number',
  half_float: 'number',
  scaled_float: 'number',
  unsigned_long: 'number',
  date: 'date',
  date_nanos: 'date',
  boolean: 'boolean',
  flat_object: 'flat_object',
  nested: 'nested',
};

export function fieldKind(type: string): FieldKind {
  return KINDS[type] ?? 'other';
}

/** A property in an OpenSearch `_mapping` response. */
export interface MappingProperty {
  type?: string;
  properties?: Record<string, MappingProperty>;
  fields?: Record<string, MappingProperty>;
}

/**
 * The fields a query can use: the document contract from @loglift/log-schema, overlaid with what
 * the live `_mapping` says (the mapping wins: it is what OpenSearch will actually execute against).
 */
export class FieldCatalog {
  private readonly byName: Map<string, FieldInfo>;

  constructor(fields: Iterable<FieldInfo>) {
    this.byName = new Map([...fields].map((field) => [field.name, field]));
  }

  /** Catalog of the contract alone, for when the mapping cannot be read. */
  static fromContract(): FieldCatalog {
    return new FieldCatalog(contractFields());
  }

  /** Contract fields plus every field of every index in a `GET <index>/_mapping` response. */
  static fromMapping(response: Record<string, { mappings?: { properties?: Record<string, MappingProperty> } }>) {
    return FieldCatalog.withContract(
      Object.values(response).flatMap((index) => [...flatten(index.mappings?.properties ?? {}, '', undefined)]),
    );
  }

  /** Contract fields overlaid with mapped fields (the mapping wins). */
  static withContract(mapped: Iterable<FieldInfo>): FieldCatalog {
    const fields = new Map(contractFields().map((field) => [field.name, field]));
    for (const field of mapped) fields.set(field.name, field);
    return new FieldCatalog(fields.values());
  }

  /** The field, or a keyword-like sub-field of a `flat_object` (e.g. `kubernetes.labels.app`). */
  get(name: string): FieldInfo | undefined {
    const direct = this.byName.get(name);
    if (direct) return direct;
    const parent = this.flatObjectParent(name);
    if (parent) return { name, type: 'keyword', kind: 'keyword', nestedPath: parent.nestedPath, mapped: parent.mapped };
    return undefined;
  }

  /** Fields whose names match a pattern with `*` wildcards, sorted by name. */
  match(pattern: string): FieldInfo[] {
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return this.list().filter((field) => regex.test(field.name) && field.kind !== 'nested');
  }

  list(): FieldInfo[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private flatObjectParent(name: string): FieldInfo | undefined {
    const parts = name.split('.');
    for (let i = parts.length - 1; i > 0; i -= 1) {
      const parent = this.byName.get(parts.slice(0, i).join('.'));
      if (parent?.kind === 'flat_object') return parent;
    }
    return undefined;
  }
}

function contractFields(): FieldInfo[] {
  return documentFields.map((field) => ({
    name: field.path,
    type: field.type,
    kind: fieldKind(field.type),
    mapped: false,
  }));
}

function* flatten(
  properties: Record<string, MappingProperty>,
  prefix: string,
  nestedPath: string | undefined,
): Generator<FieldInfo> {
  for (const [key, property] of Object.entries(properties)) {
    const name = `${prefix}${key}`;
    const type = property.type ?? 'object';
    if (type !== 'object') yield { name, type, kind: fieldKind(type), nestedPath, mapped: true };
    for (const [sub, subProperty] of Object.entries(property.fields ?? {})) {
      const subType = subProperty.type ?? 'object';
      yield { name: `${name}.${sub}`, type: subType, kind: fieldKind(subType), nestedPath, mapped: true };
    }
    if (property.properties) yield* flatten(property.properties, `${name}.`, type === 'nested' ? name : nestedPath);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
