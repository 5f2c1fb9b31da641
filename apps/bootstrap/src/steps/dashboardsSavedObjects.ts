import type { DashboardsClient, SavedObject } from '../dashboards/dashboardsClient.js';
import { DashboardsError } from '../dashboards/dashboardsClient.js';
import { type ImportError, importSavedObjects } from '../dashboards/importSavedObjects.js';
import { storedDifferences } from '../dashboards/storedForm.js';
import type { Step, StepPlan, WriteOutcome } from './step.js';

/** A set of saved objects imported together: the shipped content or one of the users' files. */
export interface SavedObjectsSource {
  readonly name: string;
  load(): Promise<SavedObject[]>;
}

export class SavedObjectsImportError extends Error {
  override readonly name = 'SavedObjectsImportError';
}

function reason(error: ImportError): string {
  const detail = error.error;
  if (detail.type === 'missing_references') {
    const refs = (detail.references ?? []).map((ref) => `${ref.type}/${ref.id}`).join(', ');
    return `references objects that exist neither in the file nor in the tenant (${refs})`;
  }
  if (detail.type === 'unsupported_type') return `type "${error.type}" is not known to this Dashboards`;
  if (detail.type === 'conflict') return 'conflicts with an existing object';
  return detail.message ? `${detail.type}: ${detail.message}` : detail.type;
}

async function readLive(client: DashboardsClient, tenant: string, object: SavedObject, source: string) {
  try {
    return await client.getObject(tenant, object.type, object.id);
  } catch (error) {
    if (error instanceof DashboardsError && error.status === 400) {
      throw new SavedObjectsImportError(
        `${source}: ${object.type}/${object.id}: Dashboards does not know the type "${object.type}" (400): remove the object or install the plugin that provides it`,
      );
    }
    throw error;
  }
}

/**
 * Imports the objects of a source that differ from what the tenant stores, compared in the form
 * Dashboards' migrations give them (storedForm.ts), so a converged tenant gets no write. An
 * import is partial when some objects fail: each failed one is named with its reason and the
 * step fails. An object whose stored form still differs after import is named in a note, since
 * every run would import it again.
 */
export function savedObjectsStep(client: DashboardsClient, tenant: string, source: SavedObjectsSource): Step {
  const kind = 'saved-objects';
  const name = `${tenant}/${source.name}`;
  return {
    kind,
    name,
    async plan(): Promise<StepPlan> {
      const objects = await source.load();
      const differing: SavedObject[] = [];
      const changes: StepPlan['changes'][number][] = [];
      let existing = 0;
      for (const object of objects) {
        const live = await readLive(client, tenant, object, source.name);
        if (storedDifferences(object, live).length === 0) continue;
        differing.push(object);
        if (live) existing += 1;
        changes.push({ path: `${object.type}/${object.id}`, op: live ? 'change' : 'add', to: 'import' });
      }
      if (differing.length === 0) return { kind, name, action: 'unchanged', changes: [] };
      let outcome: WriteOutcome | undefined;
      return {
        kind,
        name,
        action: existing === 0 ? 'create' : 'update',
        changes,
        note: `imports ${differing.length} of ${objects.length} objects`,
        outcome: () => outcome,
        write: async () => {
          const ndjson = `${differing.map((object) => JSON.stringify(object)).join('\n')}\n`;
          const result = await importSavedObjects(
            client,
            tenant,
            `${source.name.replace(/\.ndjson$/, '')}.ndjson`,
            ndjson,
          );
          if (result.errors.length > 0) {
            const imported = result.successResults.map((object) => `${object.type}/${object.id}`);
            const failed = result.errors.map((error) => `${error.type}/${error.id}: ${reason(error)}`);
            throw new SavedObjectsImportError(
              `${failed.length} of ${differing.length} objects were not imported into tenant "${tenant}" (imported: ${imported.join(', ') || 'none'}); ${failed.join('; ')}`,
            );
          }
          const unsettled: string[] = [];
          for (const object of differing) {
            const live = await client.getObject(tenant, object.type, object.id);
            if (storedDifferences(object, live).length > 0) unsettled.push(`${object.type}/${object.id}`);
          }
          if (unsettled.length === 0) return;
          outcome = {
            action: existing === 0 ? 'create' : 'update',
            note: `Dashboards stored ${unsettled.join(', ')} differently from the file (a migration changed them), so every run imports them again: ship them as exported from this Dashboards version`,
          };
        },
      };
    },
  };
}
