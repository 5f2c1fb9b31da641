import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from '../apply.js';
import { DashboardsError } from '../dashboards/dashboardsClient.js';
import { httpRequest } from '../dashboards/httpRequest.js';
import { importSavedObjects } from '../dashboards/importSavedObjects.js';
import { plan } from '../plan.js';
import { dashboardsSetup, STUB_AUTH } from '../testing/dashboardsSetup.js';
import { type DashboardsStub, type DashboardsStubOptions, startDashboardsStub } from '../testing/dashboardsStub.js';
import { waitForDashboards } from '../waitForDashboards.js';

let stub: DashboardsStub;
async function start(options: DashboardsStubOptions = {}) {
  await stub?.close();
  stub = await startDashboardsStub({ basicAuth: STUB_AUTH, ...options });
}
beforeEach(() => start());
afterEach(() => stub.close());

const setup = (dashboards: Record<string, unknown>) => dashboardsSetup(stub, { builtinContent: false, ...dashboards });

describe('Dashboards steps against the stub', () => {
  it('waits through 503 while starting, then creates the index pattern per tenant and is idempotent', async () => {
    await start({ startingCalls: 2 });
    const { client, steps } = setup({ tenants: ['global', 'team-a'] });
    await waitForDashboards(client, 10);
    const first = await apply(steps);
    expect(first.failed).toBeUndefined();
    expect(first.objects.map((o) => `${o.action} ${o.name}`)).toEqual([
      'unchanged global',
      'create global/loglift-logs',
      'create global/defaultIndex',
      'unchanged team-a',
      'create team-a/loglift-logs',
      'create team-a/defaultIndex',
    ]);
    for (const tenant of ['global', 'team-a']) {
      expect(stub.objects.get(tenant)?.get('index-pattern/loglift-logs')?.attributes).toEqual({
        title: 'logs-loglift*',
        timeFieldName: '@timestamp',
      });
      expect(stub.config(tenant)?.defaultIndex).toBe('loglift-logs');
    }
    const writes = client.counter.count;
    const second = await apply(steps);
    expect(second.objects.every((o) => o.action === 'unchanged')).toBe(true);
    expect(client.counter.count).toBe(writes);
  });

  it('keeps a default index someone chose unless forced', async () => {
    stub.setConfig('global', { defaultIndex: 'theirs' });
    const kept = await apply(setup({}).steps);
    expect(stub.config('global')?.defaultIndex).toBe('theirs');
    expect(kept.objects.find((o) => o.kind === 'dashboards-setting')?.note).toBe('kept theirs');
    await apply(setup({ forceDefault: true }).steps);
    expect(stub.config('global')?.defaultIndex).toBe('loglift-logs');
  });

  it('updates a drifted index pattern with overwrite', async () => {
    await apply(setup({}).steps);
    const stored = stub.objects.get('global')?.get('index-pattern/loglift-logs');
    if (stored) stored.attributes = { title: 'x*', timeFieldName: 'ts' };
    const result = await apply(setup({}).steps);
    expect(result.objects.find((o) => o.kind === 'index-pattern')).toMatchObject({ action: 'update' });
    expect(stub.objects.get('global')?.get('index-pattern/loglift-logs')?.attributes).toEqual({
      title: 'logs-loglift*',
      timeFieldName: '@timestamp',
    });
  });

  it('enforces the real rules: osd-xsrf, 409 without overwrite, unknown types 400, text 503 while starting', async () => {
    await start({ startingCalls: 1 });
    const starting = await httpRequest({
      url: new URL('/api/saved_objects/_find?type=config', stub.url),
      method: 'GET',
      headers: {},
    });
    expect(starting).toMatchObject({ status: 503, text: 'OpenSearch Dashboards server is not ready yet' });
    const { client } = setup({});
    const raw = await httpRequest({
      url: new URL('/api/saved_objects/index-pattern/a', stub.url),
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('admin:pw').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: Buffer.from('{"attributes":{"title":"a"}}'),
    });
    expect(raw.status).toBe(400);
    await client.saveObject('global', 'index-pattern', 'a', { title: 'a' }, false);
    await expect(client.saveObject('global', 'index-pattern', 'a', { title: 'b' }, false)).rejects.toMatchObject({
      status: 409,
    });
    await expect(client.getObject('global', 'lens', 'x')).rejects.toMatchObject({
      status: 400,
      body: { message: "Unsupported saved object type: 'lens': Bad Request" },
    });
    const wrongName = importSavedObjects(client, 'global', 'x.txt', '{}\n');
    await expect(wrongName).rejects.toBeInstanceOf(DashboardsError);
  });
});

describe('defaultIndex without side effects', () => {
  it('plan sends no write where the tenant has no config object yet (a settings GET would create one)', async () => {
    const { client, steps } = setup({});
    await waitForDashboards(client, 10);
    const planned = await plan(steps);
    expect(planned.find((o) => o.kind === 'dashboards-setting')).toMatchObject({ action: 'create' });
    expect(stub.stored).toEqual([]);
    expect(stub.config('global')).toBeUndefined();
  });

  it('reads the defaultIndex Dashboards would upgrade from an older config object', async () => {
    await start({ version: '2.19.0' });
    const older = await startDashboardsStub({ basicAuth: STUB_AUTH, version: '2.17.1' });
    older.setConfig('global', { defaultIndex: 'theirs' });
    const store = stub.objects.get('global') ?? new Map();
    for (const [key, object] of older.objects.get('global') ?? []) store.set(key, object);
    stub.objects.set('global', store);
    await older.close();
    const planned = await plan(setup({}).steps);
    expect(planned.find((o) => o.kind === 'dashboards-setting')).toMatchObject({
      action: 'unchanged',
      note: 'kept theirs',
    });
    expect(stub.stored).toEqual([]);
  });

  it('skips a defaultIndex overridden in opensearch_dashboards.yml and still converges the rest', async () => {
    await start({ overrides: { defaultIndex: 'pinned' } });
    const first = await apply(setup({ tenants: ['global', 'team-a'] }).steps);
    expect(first.failed).toBeUndefined();
    const settings = first.objects.filter((o) => o.kind === 'dashboards-setting');
    expect(settings.map((o) => o.action)).toEqual(['skipped', 'skipped']);
    expect(settings[0]?.note).toMatch(/overridden in opensearch_dashboards\.yml/);
    expect(stub.objects.get('team-a')?.get('index-pattern/loglift-logs')).toBeDefined();
    // Once the config object exists, the settings GET says so up front: no POST at all.
    stub.setConfig('global', {});
    const { client, steps } = setup({});
    const again = await apply(steps);
    expect(again.objects.find((o) => o.kind === 'dashboards-setting')).toMatchObject({
      action: 'skipped',
      note: 'defaultIndex is overridden in opensearch_dashboards.yml (uiSettings.overrides: pinned); left alone',
    });
    expect(client.counter.count).toBe(0);
  });
});
