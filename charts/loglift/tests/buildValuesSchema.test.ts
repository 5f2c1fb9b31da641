import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildValuesSchema } from '../scripts/buildValuesSchema.js';
import { schemaJson } from '../scripts/schemaJson.js';
import { parseSchemaOverrides } from '../scripts/schemaOverrides.js';
import { VALUES_SCHEMA_PATH, valuesSchemaText } from '../scripts/valuesSchemaFile.js';

const build = (values: string[], overrides = '') =>
  buildValuesSchema(values.join('\n'), parseSchemaOverrides(overrides)) as {
    properties: Record<string, Record<string, unknown>>;
  } & Record<string, unknown>;

describe('values.schema.json', () => {
  it('is what the generator writes from values.yaml and schema/overrides.yaml', () => {
    expect(
      readFileSync(VALUES_SCHEMA_PATH, 'utf8') === valuesSchemaText(),
      'run `npx nx run @loglift/chart:schema`',
    ).toBe(true);
  });

  it('notices a value added to values.yaml without regenerating', () => {
    const values = readFileSync(new URL('../values.yaml', import.meta.url), 'utf8');
    const changed = values.replace('nameOverride: ""', 'nameOverride: ""\n# -- New.\nnewValue: 1');
    expect(valuesSchemaText(changed) === readFileSync(VALUES_SCHEMA_PATH, 'utf8')).toBe(false);
  });
});

describe('buildValuesSchema', () => {
  it('types documented values by their default and describes them with their # -- comment', () => {
    const schema = build(['# -- Port.', 'port: 9200', '# -- On.', 'on: true', '# -- Ratio.', 'ratio: 0.5']);
    expect(schema.properties.port).toEqual({ type: 'integer', description: 'Port.' });
    expect(schema.properties.on).toEqual({ type: 'boolean', description: 'On.' });
    expect(schema.properties.ratio).toEqual({ type: 'number', description: 'Ratio.' });
  });

  it('makes undocumented maps strict and documented maps free-form', () => {
    const schema = build([
      '# Section heading.',
      'tls:',
      '  # -- Use HTTPS.',
      '  enabled: true',
      '# -- Resources.',
      'resources:',
      '  cpu: 1',
    ]);
    expect(schema.properties.tls).toEqual({
      type: 'object',
      description: 'Section heading.',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean', description: 'Use HTTPS.' } },
    });
    expect(schema.properties.resources).toEqual({ type: 'object', description: 'Resources.' });
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['global', 'tls', 'resources']);
  });

  it('infers item types of non-empty lists and merges the rules of an override', () => {
    const schema = build(
      ['# -- Parsers.', 'parsers: [a, b]', '# -- Port.', 'port: 80'],
      'port: { minimum: 1, maximum: 65535 }',
    );
    expect(schema.properties.parsers).toEqual({ type: 'array', description: 'Parsers.', items: { type: 'string' } });
    expect(schema.properties.port).toEqual({ type: 'integer', description: 'Port.', minimum: 1, maximum: 65535 });
  });

  it('needs an items rule for an empty list', () => {
    expect(() => build(['# -- Roles.', 'roles: []'])).toThrow('roles: the default is an empty list');
    expect(build(['# -- Roles.', 'roles: []'], 'roles: { items: { type: string } }').properties.roles).toEqual({
      type: 'array',
      description: 'Roles.',
      items: { type: 'string' },
    });
  });

  it('drops the default type when oneOf branches carry their own, and lets an integer widen to number', () => {
    const schema = build(
      ['# -- Retries.', 'retries: no_limits', '# -- Flush.', 'flush: 1'],
      'retries: { oneOf: [{ type: integer }, { type: string, const: no_limits }] }\nflush: { type: number }',
    );
    expect(schema.properties.retries).toEqual({
      description: 'Retries.',
      oneOf: [{ type: 'integer' }, { type: 'string', const: 'no_limits' }],
    });
    expect(schema.properties.flush).toEqual({ type: 'number', description: 'Flush.' });
    expect(() => build(['# -- Flush.', 'flush: 1'], 'flush: { type: string }')).toThrow(
      'flush: override type "string" contradicts',
    );
  });

  it('puts cross-field rules of `.` on the root and of a path on that map', () => {
    const schema = build(
      ['a:', '  # -- B.', '  b: ""'],
      '.: { allOf: [{ required: [a] }] }\na: { allOf: [{ not: { required: [c] } }] }',
    );
    expect(schema.allOf).toEqual([{ required: ['a'] }]);
    expect(schema.properties.a?.allOf).toEqual([{ not: { required: ['c'] } }]);
  });

  it('refuses an override for a value values.yaml does not have', () => {
    expect(() => build(['# -- A.', 'a: 1'], 'b: { minimum: 1 }')).toThrow(
      'schema overrides for values that values.yaml does not have: b',
    );
  });

  it('refuses an undocumented value', () => {
    expect(() => build(['a: 1'])).toThrow('a: no "# --" description in values.yaml');
  });

  it('refuses to open a strict map or give a map items', () => {
    expect(() => build(['a:', '  # -- B.', '  b: 1'], 'a: { additionalProperties: true }')).toThrow(
      'a: "additionalProperties" cannot be overridden',
    );
    expect(() => build(['# -- A.', 'a: 1'], 'a: { items: { type: string } }')).toThrow(
      'a: "items" applies to lists only',
    );
  });
});

describe('parseSchemaOverrides', () => {
  it('refuses descriptions and unknown keywords, naming the path', () => {
    expect(() => parseSchemaOverrides('a: { description: x }')).toThrow('a sets "description"');
    expect(() => parseSchemaOverrides('a: { minimun: 1 }')).toThrow('a sets "minimun"');
  });

  it('skips `_` keys that only hold anchors', () => {
    expect([...parseSchemaOverrides('_shared: [&p { minimum: 1 }]\na: *p').entries()]).toEqual([['a', { minimum: 1 }]]);
  });
});

describe('schemaJson', () => {
  it('keeps short lists of plain values on one line and breaks long ones', () => {
    expect(schemaJson({ enum: ['a', 'b'], items: { type: 'string' } })).toBe(
      '{\n  "enum": ["a", "b"],\n  "items": {\n    "type": "string"\n  }\n}\n',
    );
    const long = Array.from({ length: 30 }, (_, i) => `value${i}`);
    expect(schemaJson({ enum: long })).toBe(`{\n  "enum": [\n${long.map((v) => `    "${v}"`).join(',\n')}\n  ]\n}\n`);
  });
});
