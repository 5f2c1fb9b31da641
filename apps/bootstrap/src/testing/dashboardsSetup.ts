import { parseConfig } from '../config/loadConfig.js';
import { DashboardsClient } from '../dashboards/dashboardsClient.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import type { StepContext } from '../steps/context.js';
import { dashboardsSteps } from '../steps/dashboards.js';
import type { DashboardsStub } from './dashboardsStub.js';

export const STUB_AUTH = { username: 'admin', password: 'pw' };

/**
 * Test helper: the Dashboards steps for a desired `dashboards` section against a stub. OpenSearch
 * answers that every custom tenant exists (the tenant steps ran), unless `missingTenants` says not;
 * `others` are further top-level sections of the config (e.g. `routing`).
 */
export function dashboardsSetup(
  stub: DashboardsStub,
  dashboards: Record<string, unknown>,
  missingTenants: readonly string[] = [],
  others: Record<string, unknown> = {},
) {
  const config = parseConfig({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url: 'http://127.0.0.1:1' },
    dashboards: { url: stub.url, ...dashboards },
    ...others,
  });
  const client = new DashboardsClient({ url: stub.url, auth: { type: 'basic', ...STUB_AUTH } });
  const os = {
    get: async (path: string) => {
      const name = decodeURIComponent(path.split('/').pop() ?? '');
      return missingTenants.includes(name) ? { status: 404, body: {} } : { status: 200, body: { [name]: {} } };
    },
  } as unknown as OpenSearch;
  const ctx: StepContext = { config, os, writerBackendRoles: [], dashboards: client };
  return { client, steps: dashboardsSteps(ctx) };
}
