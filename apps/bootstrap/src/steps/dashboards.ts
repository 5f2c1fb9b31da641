import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { logsContent } from '../dashboards/content/logsContent.js';
import type { DashboardsClient } from '../dashboards/dashboardsClient.js';
import { parseNdjson } from '../dashboards/parseNdjson.js';
import type { StepContext } from './context.js';
import { defaultIndexStep } from './dashboardsDefaultIndex.js';
import { type SavedObjectsSource, savedObjectsStep } from './dashboardsSavedObjects.js';
import { afterTenant, dashboardsTenantStep, type TenantGate } from './dashboardsTenant.js';
import { tenantContents } from './dashboardsTenantContent.js';
import { comparePlan, type Step, type StepPlan } from './step.js';

function indexPatternStep(
  client: DashboardsClient,
  tenant: string,
  pattern: { id: string; title: string; timeFieldName: string },
): Step {
  const name = `${tenant}/${pattern.id}`;
  const desired = { title: pattern.title, timeFieldName: pattern.timeFieldName };
  return {
    kind: 'index-pattern',
    name,
    async plan(): Promise<StepPlan> {
      const live = await client.getObject(tenant, 'index-pattern', pattern.id);
      return comparePlan('index-pattern', name, live?.attributes, desired, async (exists) => {
        await client.saveObject(tenant, 'index-pattern', pattern.id, desired, exists);
      });
    },
  };
}

/** Users' ndjson files (a ConfigMap mounted into the hook Job), read and checked on every plan. */
function fileSource(file: string): SavedObjectsSource {
  return { name: basename(file), load: async () => parseNdjson(await readFile(file, 'utf8'), file) };
}

/**
 * Per tenant, in order: check that Dashboards really uses that tenant, then index patterns,
 * `defaultIndex`, the shipped saved search and overview dashboard (bound to the tenant's own
 * pattern) and, in the shared tenants, the users' files. What each tenant gets:
 * dashboardsTenantContent.ts.
 */
export function dashboardsSteps(ctx: StepContext): Step[] {
  const settings = ctx.config.dashboards;
  const client = ctx.dashboards;
  if (!settings || !client) return [];
  const serverless = ctx.config.opensearch.aws?.service === 'aoss';
  const files = settings.savedObjectsFiles.map(fileSource);
  const steps: Step[] = [];
  for (const content of tenantContents(ctx.config)) {
    const { tenant, contentIndex } = content;
    const gate: TenantGate = { pending: false };
    if (!serverless) steps.push(dashboardsTenantStep(ctx, client, tenant, gate, content.listedIn));
    const own: Step[] = content.indexPatterns.map((pattern) => indexPatternStep(client, tenant, pattern));
    if (content.defaultIndex) {
      own.push(defaultIndexStep(client, tenant, content.defaultIndex, settings.forceDefault, content.replaceDefaults));
    }
    if (contentIndex) {
      own.push(
        savedObjectsStep(client, tenant, { name: 'loglift-content', load: async () => logsContent(contentIndex) }),
      );
    }
    if (content.userFiles) for (const source of files) own.push(savedObjectsStep(client, tenant, source));
    steps.push(...own.map((step) => afterTenant(gate, step)));
  }
  return steps;
}
