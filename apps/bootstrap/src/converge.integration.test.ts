import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IRSA_ANNOTATION } from './kube/kubeApi.js';
import type { OpenSearch } from './opensearch/openSearch.js';
import { readOwned } from './steps/roleMappings.js';
import { type DashboardsStub, startDashboardsStub } from './testing/dashboardsStub.js';
import { adminClient, cleanup, namesFor, node, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';
import { type KubeStub, startKubeStub } from './testing/kubeStub.js';

const names = namesFor(uniquePrefix('converge'));
const fluentBitArn = 'arn:aws:iam::111122223333:role/loglift-fluent-bit';
let os: OpenSearch;
let kube: KubeStub;
let dashboards: DashboardsStub;
let config: string;

beforeAll(async () => {
  os = adminClient();
  kube = await startKubeStub();
  kube.serviceAccounts.set('loglift/loglift-fluent-bit', { [IRSA_ANNOTATION]: fluentBitArn });
  const { username, password } = node();
  dashboards = await startDashboardsStub({ startingCalls: 1, basicAuth: { username, password } });
  config = await writeConfig(names, {
    security: {
      writer: {
        serviceAccount: { namespace: 'loglift', name: 'loglift-fluent-bit' },
        internalUser: { name: names.writerUser },
      },
    },
    dashboards: { url: dashboards.url, tenants: ['global'], waitSeconds: 10 },
  });
});

afterAll(async () => {
  await cleanup(os, names);
  await os.close();
  await kube.close();
  await dashboards.close();
});

const env = { LOGLIFT_JOB_NAME: 'loglift-bootstrap', LOGLIFT_JOB_NAMESPACE: 'loglift' };
const apply = () => runBootstrap('apply', config, { env, kube: () => kube.api() });

function actions(objects: { kind: string; name: string; action: string }[]): string[] {
  return objects.map((object) => `${object.action} ${object.kind} ${object.name}`);
}

describe('bootstrap against a fresh cluster', () => {
  it('plans exactly what apply then creates, and plan writes nothing', async () => {
    const planned = await runBootstrap('plan', config, { kube: () => kube.api() });
    expect(planned.code).toBe(0);
    expect(planned.writes).toBe(0);
    expect(planned.dashboardsWrites).toBe(0);
    const toCreate = planned.objects.filter((object) => object.action === 'create');
    expect(toCreate.map((object) => `${object.kind} ${object.name}`)).toEqual(
      expect.arrayContaining([
        `index-template ${names.template}`,
        `data-stream ${names.dataStream}`,
        `role ${names.writerRole}`,
        `role ${names.readerRole}`,
        `internal-user ${names.writerUser}`,
        `role-mapping ${names.writerRole}`,
        `role-mapping ${names.readerRole}`,
        'index-pattern global/loglift-logs',
        'dashboards-setting global/defaultIndex',
        'saved-objects global/loglift-content',
      ]),
    );
    const applied = await apply();
    expect(applied.code).toBe(0);
    const created = applied.objects.filter((object) => object.action === 'create');
    expect(actions(created)).toEqual(actions(toCreate));
    expect(applied.writes).toBeGreaterThanOrEqual(7);

    const mapping = await os.get<Record<string, { backend_roles: string[]; users: string[] }>>(
      `/_plugins/_security/api/rolesmapping/${names.writerRole}`,
    );
    expect(mapping.body[names.writerRole]).toMatchObject({ backend_roles: [fluentBitArn], users: [names.writerUser] });
    expect(dashboards.objects.get('global')?.get('index-pattern/loglift-logs')?.attributes).toEqual({
      title: 'logs-loglift*',
      timeFieldName: '@timestamp',
    });
    expect(dashboards.objects.get('global')?.has('dashboard/loglift-logs-overview')).toBe(true);
    expect(kube.events.at(-1)).toMatchObject({
      reason: 'BootstrapSucceeded',
      involvedObject: { kind: 'Job', name: 'loglift-bootstrap' },
    });
  });

  it('sends zero writes on a converged cluster and reports every object unchanged', async () => {
    const again = await apply();
    expect(again.code).toBe(0);
    expect(again.writes).toBe(0);
    expect(again.dashboardsWrites).toBe(0);
    expect(again.objects.filter((object) => !['unchanged', 'skipped'].includes(object.action))).toEqual([]);
  });

  it('restores its role and mapping after drift and keeps what others added', async () => {
    const path = `/_plugins/_security/api/rolesmapping/${names.writerRole}`;
    const live = (await os.get<Record<string, { backend_roles: string[]; users: string[]; description: string }>>(path))
      .body[names.writerRole];
    await os.request('PUT', path, {
      body: {
        users: live?.users,
        description: live?.description,
        backend_roles: [...(live?.backend_roles ?? []), 'their-backend-role'],
        hosts: ['their-host'],
      },
    });
    await os.request('PATCH', `/_plugins/_security/api/roles/${names.writerRole}`, {
      body: [{ op: 'add', path: '/cluster_permissions/-', value: 'cluster_all' }],
    });
    const planned = await runBootstrap('plan', config, { kube: () => kube.api() });
    const roleChange = planned.objects.find((object) => object.kind === 'role' && object.name === names.writerRole);
    expect(roleChange).toMatchObject({
      action: 'update',
      changes: [{ path: 'cluster_permissions', op: 'remove', from: 'cluster_all' }],
    });
    expect(
      planned.objects.find((object) => object.kind === 'role-mapping' && object.name === names.writerRole)?.action,
    ).toBe('unchanged');

    const applied = await apply();
    expect(applied.code).toBe(0);
    const role = await os.get<Record<string, { cluster_permissions: string[] }>>(
      `/_plugins/_security/api/roles/${names.writerRole}`,
    );
    expect(role.body[names.writerRole]?.cluster_permissions).toEqual(['indices:data/write/bulk']);
    const mapping = (
      await os.get<Record<string, { backend_roles: string[]; hosts: string[]; description: string }>>(path)
    ).body[names.writerRole];
    expect(mapping?.backend_roles.sort()).toEqual([fluentBitArn, 'their-backend-role'].sort());
    expect(mapping?.hosts).toEqual(['their-host']);
    expect(readOwned(mapping?.description).backend_roles).toEqual([fluentBitArn]);
  });

  it('drops only the identity it added when the ServiceAccount role changes', async () => {
    const newArn = 'arn:aws:iam::111122223333:role/loglift-fluent-bit-v2';
    kube.serviceAccounts.set('loglift/loglift-fluent-bit', { [IRSA_ANNOTATION]: newArn });
    expect((await apply()).code).toBe(0);
    const path = `/_plugins/_security/api/rolesmapping/${names.writerRole}`;
    const mapping = (await os.get<Record<string, { backend_roles: string[] }>>(path)).body[names.writerRole];
    expect(mapping?.backend_roles.sort()).toEqual([newArn, 'their-backend-role'].sort());
  });

  it('lets two concurrent applies both succeed and agree', async () => {
    await cleanup(os, names);
    const [first, second] = await Promise.all([apply(), apply()]);
    expect([first.code, second.code], JSON.stringify([first.output.error, second.output.error])).toEqual([0, 0]);
    const third = await apply();
    expect(third.writes).toBe(0);
  });
});
