import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createNamespace, podSecurityLabels } from './testing/cluster.js';
import { installPrometheusRuleCrd } from './testing/prometheusRuleCrd.js';

const client = adminClient();
const namespace = 'promrule-schema';
const path = `/apis/monitoring.coreos.com/v1/namespaces/${namespace}/prometheusrules`;

function ruleObject(name: string, groups: unknown): Record<string, unknown> {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name }, spec: { groups } };
}

const goodRule = { alert: 'Up', expr: 'up == 0', for: '5m', labels: { severity: 'warning' } };

beforeAll(async () => {
  await installPrometheusRuleCrd(client);
  await createNamespace(client, namespace, podSecurityLabels('restricted'));
});

describe('the PrometheusRule CRD of the test bed', () => {
  it('accepts a rule the operator accepts', async () => {
    const answer = await client.request('POST', path, ruleObject('good', [{ name: 'g', rules: [goodRule] }]));
    expect(answer.status).toBe(201);
  });

  it.each([
    ['a number as `for`', [{ name: 'g', rules: [{ ...goodRule, for: 5 }] }], 'for'],
    ['a duration `for` cannot parse', [{ name: 'g', rules: [{ ...goodRule, for: '5 minutes' }] }], 'for'],
    ['a number as a label value', [{ name: 'g', rules: [{ ...goodRule, labels: { severity: 1 } }] }], 'severity'],
    ['a rule without expr', [{ name: 'g', rules: [{ alert: 'Up' }] }], 'expr'],
    ['a group without a name', [{ rules: [goodRule] }], 'name'],
    ['rules that are not a list', [{ name: 'g', rules: 'up == 0' }], 'rules'],
    [
      'two groups of one name',
      [
        { name: 'g', rules: [goodRule] },
        { name: 'g', rules: [goodRule] },
      ],
      'Duplicate',
    ],
  ])('rejects %s', async (_what, groups, field) => {
    const answer = await client.request<{ message?: string }>('POST', path, ruleObject('bad', groups));
    expect(answer.status).toBe(422);
    expect(answer.body.message).toContain(field);
  });
});
