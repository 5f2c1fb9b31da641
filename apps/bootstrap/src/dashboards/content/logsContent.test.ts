import { documentFields, fieldType } from '@loglift/log-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from '../../apply.js';
import { dashboardsSetup, STUB_AUTH } from '../../testing/dashboardsSetup.js';
import { type DashboardsStub, startDashboardsStub } from '../../testing/dashboardsStub.js';
import { contentField } from './contentField.js';
import { LOGS_DASHBOARD_ID, LOGS_SEARCH_ID, logsContent } from './logsContent.js';

/** Every `field` inside the visualizations' aggregations and the saved search's columns. */
function fieldsUsed(): string[] {
  const fields: string[] = [];
  for (const object of logsContent('p')) {
    if (object.type === 'visualization') {
      const visState = JSON.parse(String(object.attributes.visState)) as { aggs: { params: { field?: string } }[] };
      for (const agg of visState.aggs) if (agg.params.field) fields.push(agg.params.field);
    }
    if (object.type === 'search') fields.push(...(object.attributes.columns as string[]));
  }
  return fields;
}

describe('shipped Dashboards content', () => {
  it('is built only on typed fields of the log document', () => {
    const used = fieldsUsed();
    expect(used).toEqual(expect.arrayContaining(['level', 'kubernetes.namespace_name', 'http.server.duration_ms']));
    for (const field of used) expect(fieldType(field), field).toBeDefined();
  });

  it('fails to build when a field is renamed away or cannot be aggregated', () => {
    expect(() => contentField('kubernetes.namespace', 'terms')).toThrow(
      'Dashboards content uses "kubernetes.namespace", which is not a field of the log document',
    );
    expect(documentFields.find((field) => field.path === 'message')?.type).toBe('text');
    expect(() => contentField('message', 'terms')).toThrow(
      'Dashboards content uses "message" for terms, but it is mapped as text',
    );
  });

  it('has the dashboard reference every panel and the panels reference the index pattern', () => {
    const objects = logsContent('loglift-logs');
    const dashboard = objects.find((object) => object.id === LOGS_DASHBOARD_ID);
    const others = objects.filter((object) => object !== dashboard);
    expect(dashboard?.references?.map((ref) => `${ref.type}/${ref.id}`).sort()).toEqual(
      others.map((object) => `${object.type}/${object.id}`).sort(),
    );
    expect(others.find((object) => object.id === LOGS_SEARCH_ID)?.references).toEqual([
      { name: 'kibanaSavedObjectMeta.searchSourceJSON.index', type: 'index-pattern', id: 'loglift-logs' },
    ]);
  });
});

describe('importing the content', () => {
  let stub: DashboardsStub;
  beforeEach(async () => {
    stub = await startDashboardsStub({ basicAuth: STUB_AUTH });
  });
  afterEach(() => stub.close());

  it('imports the saved search and overview into each tenant, and a re-run writes nothing', async () => {
    const first = await apply(dashboardsSetup(stub, { tenants: ['global', 'team-a'] }).steps);
    expect(first.failed).toBeUndefined();
    expect(first.objects.filter((o) => o.kind === 'saved-objects').map((o) => `${o.action} ${o.name}`)).toEqual([
      'create global/loglift-content',
      'create team-a/loglift-content',
    ]);
    for (const tenant of ['global', 'team-a']) {
      expect(stub.objects.get(tenant)?.has(`dashboard/${LOGS_DASHBOARD_ID}`)).toBe(true);
      expect(stub.objects.get(tenant)?.has(`search/${LOGS_SEARCH_ID}`)).toBe(true);
    }
    const again = dashboardsSetup(stub, { tenants: ['global', 'team-a'] });
    const second = await apply(again.steps);
    expect(second.objects.every((o) => o.action === 'unchanged')).toBe(true);
    expect(again.client.counter.count).toBe(0);
  });
});
