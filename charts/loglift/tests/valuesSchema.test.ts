import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchemaOverrides } from '../scripts/schemaOverrides.js';
import { HELM_VERSIONS } from '../scripts/tools.js';
import { SCHEMA_OVERRIDES_PATH } from '../scripts/valuesSchemaFile.js';
import { renderError, renderText } from './render.js';

// Every values.schema.json rule is tested here, through Helm 3 and 4 (the layer that enforces it);
// templates/_validate.tpl rules are tested in tests/values_validation_test.yaml.

const host = { 'opensearch.host': 'opensearch.logging.svc', 'opensearch.admin.existingSecret': 'opensearch-admin' };

/** Helm's schema errors (`- at '/opensearch/port': minimum: got 0, want 1`) by JSON pointer. */
function schemaErrors(stderr: string): Map<string, string> {
  expect(stderr).toMatch(/don't meet the specifications of the schema/);
  const errors = new Map<string, string>();
  for (const [, pointer = '', problem = ''] of stderr.matchAll(/at '([^']*)': (.*)$/gm)) {
    errors.set(pointer, `${errors.get(pointer) ?? ''}${problem}\n`);
  }
  return errors;
}

interface Violation {
  path: string;
  value: unknown;
  /** Where Helm reports it: the value, or its first item or key. */
  pointer: string;
  problem: RegExp;
}

// A string every pattern of the overrides refuses (checked below, so a new pattern cannot slip by).
const BAD_STRING = 'not valid/';
const WRONG_TYPE_SAMPLE: Record<string, unknown> = { string: 1, object: 'x', integer: 'x', boolean: 'x' };

/** One value per scalar, item and map-value rule of an override that breaks exactly that rule. */
function violationsOf(path: string, rules: Record<string, unknown>): Violation[] {
  const at = `/${path.replaceAll('.', '/')}`;
  const out: Violation[] = [];
  const add = (value: unknown, problem: RegExp, pointer = at) => out.push({ path, value, pointer, problem });
  if (Array.isArray(rules.enum)) add('not-one-of-them', /must be one of/);
  if (typeof rules.pattern === 'string') {
    if (new RegExp(rules.pattern).test(BAD_STRING)) throw new Error(`${path}: pattern accepts "${BAD_STRING}"`);
    add(BAD_STRING, /does not match pattern/);
  }
  if (typeof rules.minimum === 'number') add(rules.minimum - 1, /minimum/);
  if (typeof rules.maximum === 'number') add(rules.maximum + 1, /maximum/);
  if (typeof rules.exclusiveMinimum === 'number') add(rules.exclusiveMinimum, /exclusiveMinimum/);
  if (typeof rules.minLength === 'number' && rules.minLength > 0) add('', /minLength/);
  if (rules.uniqueItems === true) add(['a', 'a'], /are equal/);
  const items = rules.items as Record<string, unknown> | undefined;
  if (items) {
    if (typeof items.type === 'string') add([WRONG_TYPE_SAMPLE[items.type]], /want (string|object)/, `${at}/0`);
    if (typeof items.minLength === 'number') add([''], /minLength/, `${at}/0`);
    if (Array.isArray(items.required)) add([{}], /missing propert/, `${at}/0`);
  }
  const mapValues = rules.additionalProperties as Record<string, unknown> | undefined;
  if (mapValues?.type === 'string') add({ k: 1 }, /want string/, `${at}/k`);
  return out;
}

/** Violations grouped so that no value is set twice in one render (Helm reports all at once). */
function rounds(violations: Violation[]): Violation[][] {
  const out: Violation[][] = [];
  for (const violation of violations) {
    const round = out.find((r) => r.every((v) => v.path !== violation.path));
    if (round) round.push(violation);
    else out.push([violation]);
  }
  return out;
}

const overrides = parseSchemaOverrides(readFileSync(SCHEMA_OVERRIDES_PATH, 'utf8'));
const violations = [...overrides].flatMap(([path, rules]) => violationsOf(path, rules));

describe.each(HELM_VERSIONS)('values.schema.json with Helm %s', (helmVersion) => {
  it('covers the rules of schema/overrides.yaml', () => {
    expect(violations.length).toBeGreaterThan(80);
  });

  it.each(rounds(violations).map((round, i) => [i + 1, round] as const))(
    'rejects every enum, pattern, bound, item and map-value rule of the overrides, naming the value (round %i)',
    (_round, round) => {
      const set = { ...host, ...Object.fromEntries(round.map((v) => [v.path, v.value])) };
      const errors = schemaErrors(renderError({ helmVersion, set }));
      for (const { path, value, pointer, problem } of round) {
        expect(errors.get(pointer), `${path}=${JSON.stringify(value)}`).toMatch(problem);
      }
    },
  );

  const cases: { name: string; set: Record<string, unknown>; pointer: string; problem: RegExp }[] = [
    {
      name: 'a wrong type',
      set: { ...host, 'opensearch.port': '443' },
      pointer: '/opensearch/port',
      problem: /want integer/,
    },
    {
      name: 'an unknown key',
      set: { ...host, 'fluentBit.config.output.retries': 3 },
      pointer: '/fluentBit/config/output',
      problem: /additional properties 'retries'/,
    },
    {
      name: 'an unknown key in an index pattern',
      set: { ...host, 'bootstrap.dashboards.indexPatterns': [{ id: 'a', title: 'b', name: 'c' }] },
      pointer: '/bootstrap/dashboards/indexPatterns/0',
      problem: /additional properties 'name'/,
    },
    {
      name: 'a retry limit that is neither a number nor no_limits',
      set: { ...host, 'fluentBit.config.output.retryLimit': 'forever' },
      pointer: '/fluentBit/config/output/retryLimit',
      problem: /oneOf/,
    },
    {
      name: 'a missing host while shipping is on',
      set: { 'opensearch.admin.existingSecret': 'a' },
      pointer: '/opensearch/host',
      problem: /minLength/,
    },
    {
      name: 'basic auth without a Secret',
      set: { ...host, 'opensearch.writer.auth': 'basic' },
      pointer: '/opensearch/writer/existingSecret',
      problem: /minLength/,
    },
    {
      name: 'admin basic auth without a Secret',
      set: { 'opensearch.host': 'h' },
      pointer: '/opensearch/admin/existingSecret',
      problem: /minLength/,
    },
    {
      name: 'aws-sigv4 without a region',
      set: { ...host, 'opensearch.writer.auth': 'aws-sigv4', 'opensearch.writer.aws.podIdentity': true },
      pointer: '/opensearch/aws/region',
      problem: /minLength/,
    },
  ];

  it.each(cases)('rejects $name, naming the value', ({ set, pointer, problem }) => {
    expect(schemaErrors(renderError({ helmVersion, set })).get(pointer)).toMatch(problem);
  });

  it('accepts what the rules allow: a fractional flush, a retry count, no host or Secret when nothing connects', () => {
    expect(() =>
      renderText({
        helmVersion,
        set: { ...host, 'fluentBit.config.service.flush': 0.5, 'fluentBit.config.output.retryLimit': 400 },
      }),
    ).not.toThrow();
    const nothingConnects = {
      'fluentBit.enabled': false,
      'bootstrap.enabled': false,
      'tests.enabled': false,
      'opensearch.writer.auth': 'none',
    };
    expect(() => renderText({ helmVersion, set: nothingConnects })).not.toThrow();
  });
});

// templates/_validate.tpl repeats the schema's cross-field rules with messages that say what to
// set, which is what a user sees when schema validation is skipped (a Helm flag, so tested here).
describe.each(HELM_VERSIONS)('the template checks with Helm %s (schema skipped)', (helmVersion) => {
  const flags = ['--skip-schema-validation'];
  it.each([
    [
      { 'opensearch.admin.existingSecret': 'a' },
      'opensearch.host is required while fluentBit, bootstrap or tests is enabled',
    ],
    [
      { ...host, 'opensearch.writer.auth': 'basic' },
      'opensearch.writer.auth=basic needs opensearch.writer.existingSecret',
    ],
    [{ 'opensearch.host': 'h' }, 'opensearch.admin.auth=basic needs opensearch.admin.existingSecret'],
    [
      { ...host, 'opensearch.writer.auth': 'aws-sigv4', 'opensearch.writer.aws.podIdentity': true },
      'opensearch.aws.region is required',
    ],
    [
      { ...host, 'bootstrap.dashboards.tenants': ['global', 'private'] },
      `bootstrap.dashboards.tenants: "private" is the private tenant of the hook's own identity`,
    ],
  ])('%j fails with an actionable message', (set, message) => {
    expect(renderError({ helmVersion, set, flags })).toContain(message);
  });
});
