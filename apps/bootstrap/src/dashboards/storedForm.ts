import { diffJson, type JsonChange } from '../json/diffJson.js';
import { isPlainObject, jsonEqual, projectLive } from '../json/normalizeJson.js';
import type { SavedObject, SavedObjectReference } from './dashboardsClient.js';

/** Attributes Dashboards keeps as serialised JSON; compared parsed, since migrations re-serialise them. */
const JSON_ATTRIBUTES = ['visState', 'uiStateJSON', 'panelsJSON', 'optionsJSON'] as const;

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The form an object has once Dashboards' migrations ran on it (create and import run them on
 * every object): the index id in `searchSourceJSON`, a visualization's `savedSearchId` and
 * dashboard panels' ids move to `references`; JSON strings are compared as parsed values. Desired
 * objects are compared in this form, so one already stored converges instead of being imported on
 * every run. Migrations this does not model show up after import (see `storedDifferences`).
 */
export function storedForm(object: SavedObject): {
  attributes: Record<string, unknown>;
  references: SavedObjectReference[];
} {
  const attributes: Record<string, unknown> = structuredClone(object.attributes);
  const references = [...(object.references ?? [])];
  for (const key of JSON_ATTRIBUTES) if (key in attributes) attributes[key] = parsed(attributes[key]);
  const meta = attributes.kibanaSavedObjectMeta;
  if (isPlainObject(meta) && 'searchSourceJSON' in meta) {
    const source = parsed(meta.searchSourceJSON);
    if (isPlainObject(source) && typeof source.index === 'string') {
      references.push({
        name: 'kibanaSavedObjectMeta.searchSourceJSON.index',
        type: 'index-pattern',
        id: source.index,
      });
      source.indexRefName = 'kibanaSavedObjectMeta.searchSourceJSON.index';
      delete source.index;
    }
    attributes.kibanaSavedObjectMeta = { ...meta, searchSourceJSON: source };
  }
  if (object.type === 'visualization' && typeof attributes.savedSearchId === 'string') {
    references.push({ name: 'search_0', type: 'search', id: attributes.savedSearchId });
    attributes.savedSearchRefName = 'search_0';
    delete attributes.savedSearchId;
  }
  // Dashboards drops a dashboard's uiStateJSON (folded into its panels since 7.3.0).
  if (object.type === 'dashboard') delete attributes.uiStateJSON;
  const panels = attributes.panelsJSON;
  if (object.type === 'dashboard' && Array.isArray(panels)) {
    panels.forEach((panel: unknown, index) => {
      if (!isPlainObject(panel) || typeof panel.id !== 'string' || typeof panel.type !== 'string') return;
      references.push({ name: `panel_${index}`, type: panel.type, id: panel.id });
      panel.panelRefName = `panel_${index}`;
      delete panel.id;
      delete panel.type;
    });
  }
  references.sort((a, b) => a.name.localeCompare(b.name));
  return { attributes, references };
}

/** What differs between the desired object and the stored one (empty when it converged). */
export function storedDifferences(desired: SavedObject, live: SavedObject | undefined): JsonChange[] {
  const want = storedForm(desired);
  if (!live) return diffJson(undefined, want);
  const have = storedForm(live);
  const projected = { attributes: projectLive(have.attributes, want.attributes), references: have.references };
  return jsonEqual(projected, want) ? [] : diffJson(projected, want);
}
