import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DashboardsClient } from '../dashboards/dashboardsClient.js';
import { jsonEqual, projectLive } from '../json/normalizeJson.js';
import type { StepContext } from './context.js';
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

function defaultIndexStep(client: DashboardsClient, tenant: string, id: string, force: boolean): Step {
  const name = `${tenant}/defaultIndex`;
  return {
    kind: 'dashboards-setting',
    name,
    async plan(): Promise<StepPlan> {
      const live = await client.getSetting(tenant, 'defaultIndex');
      // Someone's chosen default is kept unless forceDefault is set.
      if (live === id || (live !== undefined && live !== null && !force)) {
        return {
          kind: 'dashboards-setting',
          name,
          action: 'unchanged',
          changes: [],
          ...(live === id ? {} : { note: `kept ${String(live)}` }),
        };
      }
      return comparePlan(
        'dashboards-setting',
        name,
        live === undefined || live === null ? undefined : { defaultIndex: live },
        { defaultIndex: id },
        async () => {
          await client.setSetting(tenant, 'defaultIndex', id);
        },
      );
    },
  };
}

interface NdjsonObject {
  id?: string;
  type?: string;
  attributes?: Record<string, unknown>;
}

function savedObjectsStep(client: DashboardsClient, tenant: string, file: string): Step {
  const name = `${tenant}/${basename(file)}`;
  return {
    kind: 'saved-objects',
    name,
    async plan(): Promise<StepPlan> {
      const ndjson = await readFile(file, 'utf8');
      const objects = ndjson
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          try {
            return JSON.parse(line) as NdjsonObject;
          } catch {
            throw new Error(`${file} line ${index + 1} is not JSON`);
          }
        })
        .filter((object) => object.id && object.type);
      const differing: string[] = [];
      for (const object of objects) {
        const live = await client.getObject(tenant, object.type as string, object.id as string);
        const desired = object.attributes ?? {};
        if (!live || !jsonEqual(projectLive(live.attributes, desired), desired))
          differing.push(`${object.type}/${object.id}`);
      }
      if (differing.length === 0) return { kind: 'saved-objects', name, action: 'unchanged', changes: [] };
      return {
        kind: 'saved-objects',
        name,
        action: 'update',
        changes: differing.map((path) => ({ path, op: 'change' as const, to: 'import' })),
        write: async () => {
          await client.importNdjson(
            tenant,
            basename(file).endsWith('.ndjson') ? basename(file) : 'objects.ndjson',
            ndjson,
          );
        },
      };
    },
  };
}

export function dashboardsSteps(ctx: StepContext): Step[] {
  const settings = ctx.config.dashboards;
  const client = ctx.dashboards;
  if (!settings || !client) return [];
  const steps: Step[] = [];
  for (const tenant of settings.tenants) {
    for (const pattern of settings.indexPatterns) steps.push(indexPatternStep(client, tenant, pattern));
    const preferred = settings.indexPatterns.find((pattern) => pattern.default);
    if (preferred) steps.push(defaultIndexStep(client, tenant, preferred.id, settings.forceDefault));
    if (settings.savedObjectsFile) steps.push(savedObjectsStep(client, tenant, settings.savedObjectsFile));
  }
  return steps;
}
