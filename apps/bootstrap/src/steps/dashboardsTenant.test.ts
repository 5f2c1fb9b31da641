import { afterEach, describe, expect, it } from 'vitest';
import { apply } from '../apply.js';
import { plan } from '../plan.js';
import { dashboardsSetup, STUB_AUTH } from '../testing/dashboardsSetup.js';
import { type DashboardsStub, type DashboardsStubOptions, startDashboardsStub } from '../testing/dashboardsStub.js';

let stub: DashboardsStub | undefined;
afterEach(() => stub?.close());

async function applyWith(options: DashboardsStubOptions, tenants: string[]) {
  stub = await startDashboardsStub({ basicAuth: STUB_AUTH, ...options });
  return apply(dashboardsSetup(stub, { tenants, builtinContent: false }).steps);
}

describe('Dashboards tenant check', () => {
  it('fails before writing when the identity cannot use the tenant (Dashboards would fall back to global)', async () => {
    const result = await applyWith({ security: { available: ['team-b'] } }, ['team-a']);
    expect(result.failed).toMatchObject({ kind: 'dashboards-tenant', name: 'team-a' });
    expect(result.failed?.error.message).toBe(
      'Dashboards resolved tenant "team-a" to "global" for admin: "team-a" is not available to it or is disabled (tenants it may use: global, team-b). Objects would land in "global"; grant the identity the tenant (tenant_permissions) or remove it from dashboards.tenants.',
    );
    expect(stub?.stored).toEqual([]);
  });

  it('accepts the spellings of the global tenant the security plugin accepts', async () => {
    const result = await applyWith({}, ['Global', 'global_tenant']);
    expect(result.failed).toBeUndefined();
    expect(stub?.objects.get('global')?.has('index-pattern/loglift-logs')).toBe(true);
  });

  it('fails before writing when the identity may only read the tenant', async () => {
    const result = await applyWith({ security: { available: ['team-a'], readOnly: ['team-a'] } }, ['global', 'team-a']);
    expect(result.failed).toMatchObject({ kind: 'dashboards-tenant', name: 'team-a' });
    expect(result.failed?.error.message).toBe(
      'admin may only read tenant "team-a" (kibana_all_read): grant it kibana_all_write there (tenant_permissions) or remove the tenant from dashboards.tenants.',
    );
    expect(stub?.stored.filter((object) => object.tenant === 'team-a')).toEqual([]);
  });

  it('fails when the global tenant is disabled and requests for it land in the private tenant', async () => {
    const result = await applyWith({ security: { globalTenant: false } }, ['global']);
    expect(result.failed?.error.message).toMatch(/^Dashboards resolved tenant "global" to "private"/);
    expect(stub?.stored).toEqual([]);
  });

  it('fails for a custom tenant when multitenancy is off, where authinfo still echoes the header', async () => {
    const result = await applyWith({ security: { multitenancy: false } }, ['global', 'team-a']);
    expect(result.objects.map((o) => `${o.action} ${o.name}`)).toContain('create global/loglift-logs');
    expect(result.failed).toMatchObject({ kind: 'dashboards-tenant', name: 'team-a' });
    expect(result.failed?.error.message).toMatch(
      /^multitenancy is off in Dashboards \(opensearch_security\.multitenancy\.enabled/,
    );
  });

  it('refuses custom tenants where Dashboards has no security plugin, and works for global', async () => {
    const result = await applyWith({ security: false }, ['global', 'team-a']);
    expect(result.objects[0]).toMatchObject({ kind: 'dashboards-tenant', name: 'global', action: 'unchanged' });
    expect(result.failed?.error.message).toMatch(/^Dashboards has no security plugin, so it has no tenants/);
  });

  it('leaves the check to apply for a tenant this run creates', async () => {
    stub = await startDashboardsStub({ security: { available: [] } });
    // global already has the objects: reads for team-a would wrongly answer from there.
    await apply(dashboardsSetup(stub, { tenants: ['global'], builtinContent: false }).steps);
    const { client, steps } = dashboardsSetup(stub, { tenants: ['team-a'], builtinContent: false }, ['team-a']);
    const planned = await plan(steps);
    expect(planned.map((o) => `${o.action} ${o.kind} ${o.name}`)).toEqual([
      'skipped dashboards-tenant team-a',
      'create index-pattern team-a/loglift-logs',
      'create dashboards-setting team-a/defaultIndex',
    ]);
    expect(client.counter.reads).toBe(0);
  });
});
