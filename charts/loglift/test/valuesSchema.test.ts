import { describe, expect, it } from 'vitest';
import { HELM_VERSIONS } from '../scripts/tools.js';
import { renderError } from './render.js';

const host = { 'opensearch.host': 'opensearch.logging.svc', 'opensearch.admin.existingSecret': 'opensearch-admin' };

// Helm 3 and 4 word schema errors differently; both name the offending value's path.
const cases: { name: string; set: Record<string, unknown>; path: RegExp; problem: RegExp }[] = [
  {
    name: 'a wrong type',
    set: { ...host, 'opensearch.port': '443' },
    path: /opensearch[./]port/,
    problem: /integer|type/i,
  },
  { name: 'an unknown key', set: { ...host, 'opensearch.hostname': 'x' }, path: /hostname/, problem: /additional/i },
  {
    name: 'an unknown auth mode',
    set: { ...host, 'opensearch.writer.auth': 'iam' },
    path: /opensearch[./]writer[./]auth/,
    problem: /enum|one of|must be/i,
  },
  {
    name: 'a missing host while shipping is on',
    set: { 'opensearch.admin.existingSecret': 'a' },
    path: /opensearch[./]host/,
    problem: /length|minLength/i,
  },
  {
    name: 'basic auth without a Secret',
    set: { ...host, 'opensearch.writer.auth': 'basic' },
    path: /opensearch[./]writer[./]existingSecret/,
    problem: /length|minLength/i,
  },
  {
    name: 'admin basic auth without a Secret',
    set: { 'opensearch.host': 'h' },
    path: /opensearch[./]admin[./]existingSecret/,
    problem: /length|minLength/i,
  },
  {
    name: 'aws-sigv4 without a region',
    set: { ...host, 'opensearch.writer.auth': 'aws-sigv4', 'opensearch.writer.aws.podIdentity': true },
    path: /opensearch[./]aws[./]region/,
    problem: /length|minLength/i,
  },
];

describe.each(HELM_VERSIONS)('values.schema.json with Helm %s rejects', (helmVersion) => {
  it.each(cases)('$name, naming the value', ({ set, path, problem }) => {
    const message = renderError({ helmVersion, set });
    expect(message).toMatch(/schema/i);
    expect(message).toMatch(path);
    expect(message).toMatch(problem);
  });
});

// The same rules are checked again in templates (_validate.tpl) with messages that say what to set,
// which is what a user sees when schema validation is skipped.
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
