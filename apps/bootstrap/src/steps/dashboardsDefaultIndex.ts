import type { DashboardsClient, SavedObject } from '../dashboards/dashboardsClient.js';
import { comparePlan, type Step, type StepPlan, skipped, type WriteOutcome } from './step.js';

function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/).map(Number);
  const right = b.split(/[.-]/).map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0 && !Number.isNaN(diff)) return diff;
  }
  return 0;
}

/** The config object Dashboards would upgrade from: the newest one older than its version. */
function upgradeSource(configs: readonly SavedObject[], version: string | undefined): SavedObject | undefined {
  const older = configs.filter((config) => !version || compareVersions(config.id, version) < 0);
  return older.sort((a, b) => compareVersions(b.id, a.id))[0];
}

const overriddenNote = (value: unknown) =>
  `defaultIndex is overridden in opensearch_dashboards.yml (uiSettings.overrides${value === undefined ? '' : `: ${String(value)}`}); left alone`;

/**
 * `defaultIndex` of a tenant. `plan` must not write, but Dashboards' settings GET creates the
 * tenant's `config` object (id = its version) when it is missing, so the setting is read from
 * `_find` first and the settings GET is used only once that object exists. A setting fixed in
 * opensearch_dashboards.yml cannot be changed (the POST answers 400): skipped with a note.
 * `replace` lists ids this hook set there before that are wrong for the tenant now (a group's
 * tenant once got the shared default): those are replaced like an unset one.
 */
export function defaultIndexStep(
  client: DashboardsClient,
  tenant: string,
  id: string,
  force: boolean,
  replace: readonly string[] = [],
): Step {
  const kind = 'dashboards-setting';
  const name = `${tenant}/defaultIndex`;
  return {
    kind,
    name,
    async plan(): Promise<StepPlan> {
      const { version } = await client.status();
      const configs = await client.findObjects(tenant, 'config');
      const current = version ? configs.find((config) => config.id === version) : undefined;
      let live: unknown;
      if (current) {
        const setting = (await client.getSettings(tenant)).defaultIndex;
        if (setting?.isOverridden) return skipped(kind, name, overriddenNote(setting.userValue));
        live = setting?.userValue;
      } else {
        live = upgradeSource(configs, version)?.attributes.defaultIndex;
      }
      const unset = live === undefined || live === null;
      const replaced = typeof live === 'string' && replace.includes(live);
      // Someone's chosen default is kept unless forceDefault is set.
      if (live === id || (!unset && !replaced && !force)) {
        return {
          kind,
          name,
          action: 'unchanged',
          changes: [],
          ...(live === id ? {} : { note: `kept ${String(live)}` }),
        };
      }
      let outcome: WriteOutcome | undefined;
      const planned = comparePlan(
        kind,
        name,
        unset ? undefined : { defaultIndex: live },
        { defaultIndex: id },
        async () => {
          const result = await client.setSetting(tenant, 'defaultIndex', id);
          if (result === 'overridden') outcome = { action: 'skipped', note: overriddenNote(undefined) };
        },
      );
      return { ...planned, outcome: () => outcome };
    },
  };
}
