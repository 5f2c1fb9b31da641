import { documentFields, MERGE_KEY } from '@loglift/log-schema';

export interface UpgradeAlias {
  readonly index: string;
  /** The typed name, e.g. `level`. */
  readonly field: string;
  /** The concrete field of the older model it points at, e.g. `app.level`. */
  readonly path: string;
  /** The mapping fragment that adds the alias (nested `properties` for dotted names). */
  readonly mapping: Record<string, unknown>;
}

type Properties = Record<string, { type?: string; properties?: Properties }>;

function leafType(properties: Properties | undefined, path: string): string | undefined {
  let node: { type?: string; properties?: Properties } | undefined = { properties };
  for (const part of path.split('.')) node = node?.properties?.[part];
  return node?.type;
}

function nest(path: string, leaf: Record<string, unknown>): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  return { [head as string]: rest.length === 0 ? leaf : { properties: nest(rest.join('.'), leaf) } };
}

/**
 * Alias fields older backing indices need so the typed names find their documents: in the model
 * before the lift, some contract fields were concrete fields under the merge key (`app.level`,
 * `app.message`, `app.time`, trace ids); fields kept inside flat_object parents then (`app.http.*`)
 * cannot be aliased and are found there as `app.<path>` strings.
 */
export function upgradeAliases(
  mappings: Record<string, { mappings?: { properties?: Record<string, unknown> } }>,
  indices: readonly string[],
): UpgradeAlias[] {
  const aliases: UpgradeAlias[] = [];
  for (const index of indices) {
    const properties = mappings[index]?.mappings?.properties as Properties | undefined;
    if (leafType(properties, MERGE_KEY) === 'flat_object') continue;
    for (const field of documentFields) {
      const path = `${MERGE_KEY}.${field.path}`;
      const type = leafType(properties, path);
      if (type === undefined || type === 'flat_object' || type === 'alias') continue;
      if (leafType(properties, field.path) !== undefined || hasParent(properties, field.path)) continue;
      aliases.push({ index, field: field.path, path, mapping: nest(field.path, { type: 'alias', path }) });
    }
  }
  return aliases;
}

/** True when a prefix of the path is mapped as a leaf, so the alias would collide with it. */
function hasParent(properties: Properties | undefined, path: string): boolean {
  const parts = path.split('.');
  for (let i = 1; i < parts.length; i += 1) {
    if (leafType(properties, parts.slice(0, i).join('.')) !== undefined) return true;
  }
  return false;
}
