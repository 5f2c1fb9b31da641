import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from '../apply.js';
import { parseConfig } from '../config/loadConfig.js';
import { DashboardsClient, DashboardsError } from '../dashboards/dashboardsClient.js';
import { httpRequest } from '../dashboards/httpRequest.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import { type DashboardsStub, startDashboardsStub } from '../testing/dashboardsStub.js';
import { waitForDashboards } from '../waitForDashboards.js';
import type { StepContext } from './context.js';
import { dashboardsSteps } from './dashboards.js';

const auth = { username: 'admin', password: 'pw' };
let stub: DashboardsStub;
beforeEach(async () => {
  stub = await startDashboardsStub({ startingCalls: 2, basicAuth: auth });
});
afterEach(() => stub.close());

function setup(dashboards: Record<string, unknown>) {
  const config = parseConfig({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url: 'http://127.0.0.1:1' },
    dashboards: { url: stub.url, ...dashboards },
  });
  const client = new DashboardsClient({ url: stub.url, auth: { type: 'basic', ...auth } });
  const ctx: StepContext = { config, os: {} as OpenSearch, writerBackendRoles: [], dashboards: client };
  return { client, steps: dashboardsSteps(ctx) };
}

describe('Dashboards steps against the stub', () => {
  it('waits through 503 while starting, then creates the index pattern per tenant and is idempotent', async () => {
    const { client, steps } = setup({ tenants: ['global', 'team-a'] });
    await waitForDashboards(client, 10);
    const first = await apply(steps);
    expect(first.failed).toBeUndefined();
    expect(first.objects.map((o) => `${o.action} ${o.name}`)).toEqual([
      'create global/loglift-logs',
      'create global/defaultIndex',
      'create team-a/loglift-logs',
      'create team-a/defaultIndex',
    ]);
    for (const tenant of ['global', 'team-a']) {
      expect(stub.objects.get(tenant)?.get('index-pattern/loglift-logs')?.attributes).toEqual({
        title: 'logs-loglift*',
        timeFieldName: '@timestamp',
      });
      expect(stub.settings.get(tenant)).toEqual({ defaultIndex: 'loglift-logs' });
    }
    const writes = client.counter.count;
    const second = await apply(steps);
    expect(second.objects.every((o) => o.action === 'unchanged')).toBe(true);
    expect(client.counter.count).toBe(writes);
  });

  it('keeps a default index someone chose unless forced', async () => {
    stub.settings.set('global', { defaultIndex: 'theirs' });
    const kept = await apply(setup({}).steps);
    expect(stub.settings.get('global')).toEqual({ defaultIndex: 'theirs' });
    expect(kept.objects.find((o) => o.kind === 'dashboards-setting')?.note).toBe('kept theirs');
    await apply(setup({ forceDefault: true }).steps);
    expect(stub.settings.get('global')).toEqual({ defaultIndex: 'loglift-logs' });
  });

  it('updates a drifted index pattern with overwrite', async () => {
    stub.objects.set(
      'global',
      new Map([
        [
          'index-pattern/loglift-logs',
          {
            id: 'loglift-logs',
            type: 'index-pattern',
            attributes: { title: 'x*', timeFieldName: 'ts' },
            version: 'W/0',
          },
        ],
      ]),
    );
    const result = await apply(setup({}).steps);
    expect(result.objects[0]).toMatchObject({ action: 'update' });
    expect(stub.objects.get('global')?.get('index-pattern/loglift-logs')?.attributes).toEqual({
      title: 'logs-loglift*',
      timeFieldName: '@timestamp',
    });
  });

  it('imports saved objects only when they differ, checking the success flag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loglift-so-'));
    const file = join(dir, 'objects.ndjson');
    await writeFile(file, `${JSON.stringify({ id: 'search-1', type: 'search', attributes: { title: 'Errors' } })}\n`);
    const { steps } = setup({ savedObjectsFile: file });
    const first = await apply(steps);
    expect(first.objects.find((o) => o.kind === 'saved-objects')).toMatchObject({ action: 'update' });
    expect(stub.objects.get('global')?.get('search/search-1')?.attributes).toEqual({ title: 'Errors' });
    const second = await apply(steps);
    expect(second.objects.find((o) => o.kind === 'saved-objects')).toMatchObject({ action: 'unchanged' });
  });

  it('enforces the documented rules: osd-xsrf, 409 without overwrite, success flag', async () => {
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
    await client.importNdjson(
      'global',
      'x.ndjson',
      `${JSON.stringify({ id: 'a', type: 'index-pattern', attributes: {} })}\n`,
    );
    const wrongName = client.importNdjson('global', 'x.txt', '{}\n');
    await expect(wrongName).rejects.toBeInstanceOf(DashboardsError);
  });
});
