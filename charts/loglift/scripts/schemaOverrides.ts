import { parse } from 'yaml';

/** A JSON Schema node, as far as the generator reads and writes it. */
export type JsonSchema = { [keyword: string]: unknown };

/** Hand-written rules by value path (`opensearch.port`; `.` is the root object). */
export type SchemaOverrides = ReadonlyMap<string, JsonSchema>;

/**
 * What an override may say: rules values.yaml cannot express. Structure (`properties`) and
 * documentation (`description`, `title`, `default`) come from values.yaml only, so a value is
 * documented once.
 */
export const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'items',
  'additionalProperties',
  'propertyNames',
  'required',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
]);

function isPlainObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses schema/overrides.yaml: a map from value path to a JSON Schema fragment of rule keywords
 * (keys starting with `_` are skipped: they hold YAML anchors).
 * Throws naming the path and keyword that is not allowed, so a stray description or a typo in a
 * keyword never reaches the schema silently.
 */
export function parseSchemaOverrides(text: string, source = 'schema/overrides.yaml'): SchemaOverrides {
  const parsed: unknown = parse(text);
  if (parsed === null || parsed === undefined) return new Map();
  if (!isPlainObject(parsed)) throw new Error(`${source} must be a map from value path to schema rules`);
  const overrides = new Map<string, JsonSchema>();
  for (const [path, rules] of Object.entries(parsed)) {
    // `_name` keys only hold YAML anchors shared by several rules.
    if (path.startsWith('_')) continue;
    if (!isPlainObject(rules)) throw new Error(`${source}: ${path} must map to schema keywords`);
    for (const keyword of Object.keys(rules)) {
      if (!RULE_KEYWORDS.has(keyword)) {
        throw new Error(
          `${source}: ${path} sets "${keyword}", which is not a rule keyword (allowed: ${[...RULE_KEYWORDS].join(', ')}); ` +
            'descriptions and structure come from values.yaml',
        );
      }
    }
    overrides.set(path, rules);
  }
  return overrides;
}
