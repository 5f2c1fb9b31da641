import { isMap, isScalar, type Node, parseDocument, type YAMLMap } from 'yaml';
import type { JsonSchema, SchemaOverrides } from './schemaOverrides.js';
import { helmDocsDescription } from './valuesTable.js';

/** The path of the root object in schema/overrides.yaml. */
export const ROOT_PATH = '.';

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

function jsonType(value: unknown): JsonType | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value as 'string' | 'boolean';
}

function where(path: string): string {
  return path === ROOT_PATH ? 'the root object' : path;
}

/** Branches that each name their own type replace the single type the default suggests. */
function branchesCarryTypes(rules: JsonSchema): boolean {
  return ['oneOf', 'anyOf'].some(
    (keyword) =>
      Array.isArray(rules[keyword]) &&
      (rules[keyword] as unknown[]).every(
        (branch) => typeof branch === 'object' && branch !== null && 'type' in branch,
      ),
  );
}

function leafType(path: string, inferred: JsonType | undefined, rules: JsonSchema): JsonType | undefined {
  const declared = rules.type as JsonType | undefined;
  if (declared !== undefined) {
    // Only widening is a rule; anything else would contradict the documented default.
    const widens = inferred === undefined || (inferred === 'integer' && declared === 'number');
    if (!widens && declared !== inferred) {
      throw new Error(
        `${path}: override type "${declared}" contradicts the default's type "${inferred}" in values.yaml`,
      );
    }
    return declared;
  }
  if (branchesCarryTypes(rules)) return undefined;
  if (inferred === undefined) throw new Error(`${path}: the default is null, so an override must give its type`);
  return inferred;
}

function itemsOf(path: string, list: unknown[]): JsonSchema | undefined {
  const types = new Set(list.map((item) => jsonType(item)));
  if (types.has('integer') && types.has('number')) types.delete('integer');
  if (types.size === 0) return undefined;
  const [only] = types;
  if (types.size > 1 || only === undefined) {
    throw new Error(`${path}: list items of mixed types (${[...types].join(', ')}) need an "items" override`);
  }
  return { type: only };
}

/** A documented value: its type comes from the default, its rules from the override. */
function leaf(path: string, value: unknown, description: string, rules: JsonSchema = {}): JsonSchema {
  const inferred = jsonType(value);
  const { type: _type, items: ruleItems, ...rest } = rules;
  const type = leafType(path, inferred, rules);
  const node: JsonSchema = type === undefined ? {} : { type };
  node.description = description;
  if (type === 'array') {
    const items = (ruleItems as JsonSchema | undefined) ?? itemsOf(path, value as unknown[]);
    if (items === undefined) {
      throw new Error(`${path}: the default is an empty list, so an override must give its "items"`);
    }
    node.items = items;
  } else if (ruleItems !== undefined) {
    throw new Error(`${path}: "items" applies to lists only`);
  }
  if (rest.additionalProperties !== undefined && type !== 'object') {
    throw new Error(`${path}: "additionalProperties" applies to maps only`);
  }
  return { ...node, ...rest };
}

/** The plain comment above an undocumented map (a section heading), if any. */
function sectionComment(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  const text = comment
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  return text === '' ? undefined : text;
}

interface Walk {
  rules(path: string): JsonSchema | undefined;
}

/** An undocumented map: structure only, strict, with cross-field rules from the override. */
function container(map: YAMLMap, path: string, walk: Walk, description?: string): JsonSchema {
  const rules = walk.rules(path) ?? {};
  for (const keyword of ['type', 'items', 'additionalProperties']) {
    if (keyword in rules) {
      throw new Error(`${where(path)}: "${keyword}" cannot be overridden; its keys come from values.yaml`);
    }
  }
  const properties: Record<string, JsonSchema> = {};
  map.items.forEach((pair, index) => {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const childPath = path === ROOT_PATH ? key : `${path}.${key}`;
    const value = pair.value as Node | null;
    // The parser hangs the comment above a map's first key on the map node itself.
    const comment = keyNode.commentBefore ?? (index === 0 ? map.commentBefore : undefined);
    const text = helmDocsDescription(comment);
    if (text !== undefined) {
      properties[key] = leaf(childPath, value ? value.toJSON() : null, text, walk.rules(childPath));
    } else if (isMap(value) && value.items.length > 0) {
      properties[key] = container(value, childPath, walk, sectionComment(comment));
    } else {
      throw new Error(`${childPath}: no "# --" description in values.yaml`);
    }
  });
  const node: JsonSchema = { type: 'object' };
  if (description !== undefined) node.description = description;
  return { ...node, additionalProperties: false, properties, ...rules };
}

/**
 * values.schema.json from values.yaml and the hand-written rules: every key of values.yaml
 * becomes a property (undocumented maps strict with `additionalProperties: false`, documented
 * values typed by their default and described by their `# --` comment), and each override is
 * merged into the property at its path. Throws when an override names no value, so a renamed
 * value cannot leave its rule behind.
 */
export function buildValuesSchema(valuesYaml: string, overrides: SchemaOverrides): JsonSchema {
  const doc = parseDocument(valuesYaml);
  if (doc.errors.length > 0) throw new Error(`values.yaml does not parse: ${doc.errors[0]?.message}`);
  if (!isMap(doc.contents)) throw new Error('values.yaml must be a map');
  const used = new Set<string>();
  const walk: Walk = {
    rules(path) {
      const rules = overrides.get(path);
      if (rules) used.add(path);
      return rules;
    },
  };
  const root = container(doc.contents, ROOT_PATH, walk);
  const unknown = [...overrides.keys()].filter((path) => !used.has(path));
  if (unknown.length > 0) {
    throw new Error(`schema overrides for values that values.yaml does not have: ${unknown.join(', ')}`);
  }
  // Spreading keeps the root's keyword order; `properties` is replaced in place.
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'loglift chart values',
    ...root,
    properties: {
      // Helm adds `global` to every chart's values before it validates them.
      global: { type: 'object', description: 'Helm global values (the chart reads none).' },
      ...(root.properties as Record<string, JsonSchema>),
    },
  };
}
