import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from '../apply.js';
import { LOGS_DASHBOARD_ID, LOGS_SEARCH_ID } from '../dashboards/content/logsContent.js';
import { dashboardsSetup, STUB_AUTH } from '../testing/dashboardsSetup.js';
import { type DashboardsStub, startDashboardsStub } from '../testing/dashboardsStub.js';

let stub: DashboardsStub;
beforeEach(async () => {
  stub = await startDashboardsStub({ basicAuth: STUB_AUTH });
});
afterEach(() => stub.close());

/**
 * The dashboards section as the chart renders it: the group's tenant listed after global, the
 * default pattern, then one per group stream.
 */
const chartDashboards = {
  tenants: ['global', 'payments'],
  indexPatterns: [
    { id: 'loglift-logs', title: 'logs-loglift*', default: true },
    { id: 'loglift-logs-payments', title: 'logs-loglift-payments' },
    { id: 'loglift-logs-search', title: 'logs-loglift-search' },
  ],
};
const routing = {
  groups: [
    { name: 'payments', namespaces: ['payments'], tenant: 'payments' },
    { name: 'search', namespaces: ['search'] },
  ],
};

const setup = (dashboards: Record<string, unknown> = chartDashboards, groups: Record<string, unknown> = routing) =>
  dashboardsSetup(stub, dashboards, [], { routing: groups });

function storedOf(tenant: string, type: string) {
  return [...(stub.objects.get(tenant)?.values() ?? [])].filter((object) => object.type === type);
}

/** Every index pattern the tenant's saved searches, visualizations and dashboards reference. */
function referencedPatterns(tenant: string): string[] {
  const objects = [...(stub.objects.get(tenant)?.values() ?? [])];
  const ids = objects.flatMap((object) =>
    (object.references ?? []).filter((ref) => ref.type === 'index-pattern').map((ref) => ref.id),
  );
  return [...new Set(ids)];
}

describe("a group's own Dashboards tenant", () => {
  it("gets exactly its stream's pattern as default and the shipped content on it; a re-run writes nothing", async () => {
    const { client, steps } = setup();
    const first = await apply(steps);
    expect(first.failed).toBeUndefined();
    expect(first.objects.filter((o) => o.name.startsWith('payments')).map((o) => `${o.kind} ${o.name}`)).toEqual([
      'dashboards-tenant payments',
      'index-pattern payments/loglift-logs-payments',
      'dashboards-setting payments/defaultIndex',
      'saved-objects payments/loglift-content',
    ]);
    expect(storedOf('payments', 'index-pattern').map((object) => [object.id, object.attributes.title])).toEqual([
      ['loglift-logs-payments', 'logs-loglift-payments'],
    ]);
    expect(stub.config('payments')?.defaultIndex).toBe('loglift-logs-payments');
    expect(stub.objects.get('payments')?.get(`search/${LOGS_SEARCH_ID}`)).toBeDefined();
    expect(stub.objects.get('payments')?.get(`dashboard/${LOGS_DASHBOARD_ID}`)).toBeDefined();
    expect(referencedPatterns('payments')).toEqual(['loglift-logs-payments']);

    expect(client.counter.count).toBeGreaterThan(0);
    const stored = stub.stored.length;
    const again = setup();
    const second = await apply(again.steps);
    expect(second.failed).toBeUndefined();
    expect(second.objects.filter((o) => o.action !== 'unchanged')).toEqual([]);
    expect(again.client.counter.count).toBe(0);
    expect(stub.stored.length).toBe(stored);
  });

  it('leaves the shared tenants as before: every pattern, the default one, content on it', async () => {
    expect((await apply(setup().steps)).failed).toBeUndefined();
    expect(storedOf('global', 'index-pattern').map((object) => object.id)).toEqual([
      'loglift-logs',
      'loglift-logs-payments',
      'loglift-logs-search',
    ]);
    expect(stub.config('global')?.defaultIndex).toBe('loglift-logs');
    expect(referencedPatterns('global')).toEqual(['loglift-logs']);
  });

  it('gives groups sharing a stream and a tenant one pattern; the users files stay in the shared tenants', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loglift-group-'));
    const file = join(dir, 'team.ndjson');
    const pattern = { id: 'theirs', type: 'index-pattern', attributes: { title: 'logs-loglift*' }, references: [] };
    await writeFile(file, `${JSON.stringify(pattern)}\n`);
    const shared = {
      groups: [
        { name: 'billing', stream: 'money', namespaces: ['billing'], tenant: 'money' },
        { name: 'ledger', stream: 'money', namespaces: ['ledger'], tenant: 'money' },
      ],
    };
    const result = await apply(
      setup({ ...chartDashboards, tenants: ['global'], savedObjectsFiles: [file] }, shared).steps,
    );
    expect(result.failed).toBeUndefined();
    expect(storedOf('money', 'index-pattern').map((object) => [object.id, object.attributes.title])).toEqual([
      ['loglift-logs-money', 'logs-loglift-money'],
    ]);
    expect(stub.config('money')?.defaultIndex).toBe('loglift-logs-money');
    expect(stub.objects.get('global')?.get('index-pattern/theirs')).toBeDefined();
  });

  it('binds nothing shipped without builtinContent, but still sets the default pattern', async () => {
    const result = await apply(setup({ ...chartDashboards, builtinContent: false }).steps);
    expect(result.failed).toBeUndefined();
    expect(stub.config('payments')?.defaultIndex).toBe('loglift-logs-payments');
    expect(storedOf('payments', 'search')).toEqual([]);
  });

  it('fills a group tenant missing from dashboards.tenants all the same', async () => {
    const result = await apply(setup({ ...chartDashboards, tenants: ['global'] }).steps);
    expect(result.failed).toBeUndefined();
    expect(result.objects.map((o) => o.name).filter((name) => name.endsWith('defaultIndex'))).toEqual([
      'global/defaultIndex',
      'payments/defaultIndex',
    ]);
    expect(storedOf('payments', 'index-pattern').map((object) => object.id)).toEqual(['loglift-logs-payments']);
  });

  it("takes the time field of the shared tenants' entry for the stream", async () => {
    const patterns = chartDashboards.indexPatterns.map((pattern) =>
      pattern.id === 'loglift-logs-payments' ? { ...pattern, timeFieldName: 'observedTimestamp' } : pattern,
    );
    expect((await apply(setup({ ...chartDashboards, indexPatterns: patterns }).steps)).failed).toBeUndefined();
    expect(stub.objects.get('payments')?.get('index-pattern/loglift-logs-payments')?.attributes).toEqual({
      title: 'logs-loglift-payments',
      timeFieldName: 'observedTimestamp',
    });
  });

  it('keeps the global tenant shared when a group names it', async () => {
    const onGlobal = { groups: [{ name: 'payments', namespaces: ['payments'], tenant: 'global' }] };
    const result = await apply(setup({ ...chartDashboards, tenants: ['global'] }, onGlobal).steps);
    expect(result.failed).toBeUndefined();
    expect(storedOf('global', 'index-pattern')).toHaveLength(3);
    expect(stub.config('global')?.defaultIndex).toBe('loglift-logs');
  });
});

describe('a group tenant filled by an earlier version', () => {
  it('moves its default off the shared pattern that version set, but keeps one someone chose', async () => {
    stub.setConfig('payments', { defaultIndex: 'loglift-logs' });
    const moved = await apply(setup().steps);
    expect(moved.failed).toBeUndefined();
    expect(moved.objects.find((o) => o.name === 'payments/defaultIndex')).toMatchObject({ action: 'update' });
    expect(stub.config('payments')?.defaultIndex).toBe('loglift-logs-payments');
    stub.setConfig('payments', { defaultIndex: 'theirs' });
    const kept = await apply(setup().steps);
    expect(kept.objects.find((o) => o.name === 'payments/defaultIndex')).toMatchObject({ note: 'kept theirs' });
    expect(stub.config('payments')?.defaultIndex).toBe('theirs');
  });
});

describe("a group tenant's check", () => {
  it('fails before writing there when the identity cannot use it, naming the group setting', async () => {
    await stub.close();
    stub = await startDashboardsStub({ basicAuth: STUB_AUTH, security: { available: ['team-b'] } });
    const result = await apply(setup().steps);
    expect(result.failed).toMatchObject({ kind: 'dashboards-tenant', name: 'payments' });
    expect(result.failed?.error.message).toBe(
      'Dashboards resolved tenant "payments" to "global" for admin: "payments" is not available to it or is disabled (tenants it may use: global, team-b). Objects would land in "global"; grant the identity the tenant (tenant_permissions) or remove it from routing.groups[].tenant (payments).',
    );
    expect(stub.stored.filter((object) => object.tenant === 'payments')).toEqual([]);
  });
});
