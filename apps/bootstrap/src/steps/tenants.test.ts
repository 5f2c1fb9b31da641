import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/loadConfig.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import { tenantSteps } from './tenants.js';

describe('tenant steps', () => {
  it('creates only custom tenants, whatever spelling of the global tenant is listed', () => {
    const config = parseConfig({
      apiVersion: 'loglift.io/v1',
      kind: 'BootstrapConfig',
      opensearch: { url: 'http://127.0.0.1:1' },
      dashboards: { url: 'http://127.0.0.1:2', tenants: ['global', 'Global', 'global_tenant', 'team-a'] },
    });
    const steps = tenantSteps({ config, os: {} as OpenSearch, writerBackendRoles: [] });
    expect(steps.map((step) => step.name)).toEqual(['team-a']);
  });
});
