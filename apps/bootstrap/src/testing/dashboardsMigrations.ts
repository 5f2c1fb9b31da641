/**
 * Test helper: what OpenSearch Dashboards' saved-object migrations do to an object on create and
 * import, for the types the bootstrap writes (visualization_migrations.ts and its siblings in
 * OpenSearch-Dashboards): an index id inside `searchSourceJSON` moves to `references` with an
 * `indexRefName`, a visualization's `savedSearchId` becomes `savedSearchRefName`, dashboard
 * panels' `id`/`type` become `panelRefName`s, `time_zone` is dropped from date histograms, the
 * JSON strings are re-serialised compactly, and `migrationVersion` is stamped per type.
 */
export interface MigratedObject {
  attributes: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
  migrationVersion: Record<string, string>;
}

/** The last migration version registered per type (the version fields a stored object carries). */
export const MIGRATION_VERSIONS: Readonly<Record<string, string>> = {
  'index-pattern': '7.6.0',
  search: '7.9.3',
  visualization: '7.10.0',
  dashboard: '7.9.3',
  config: '7.9.0',
};

function parse(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;

export function migrateObject(
  type: string,
  attributes: Record<string, unknown>,
  references: readonly { name: string; type: string; id: string }[] = [],
): MigratedObject {
  const attrs: Json = structuredClone(attributes);
  const refs = references.map((ref) => ({ ...ref }));
  const meta = attrs.kibanaSavedObjectMeta as Json | undefined;
  const source = parse(meta?.searchSourceJSON) as Json | undefined;
  if (meta && source && (type === 'search' || type === 'visualization')) {
    if (typeof source.index === 'string') {
      const name = 'kibanaSavedObjectMeta.searchSourceJSON.index';
      source.indexRefName = name;
      refs.push({ name, type: 'index-pattern', id: source.index });
      delete source.index;
    }
    meta.searchSourceJSON = JSON.stringify(source);
  }
  if (type === 'visualization') {
    if (typeof attrs.savedSearchId === 'string') {
      attrs.savedSearchRefName = 'search_0';
      refs.push({ name: 'search_0', type: 'search', id: attrs.savedSearchId });
      delete attrs.savedSearchId;
    }
    const visState = parse(attrs.visState) as { aggs?: { type?: string; params?: Json }[] } | undefined;
    if (visState) {
      for (const agg of visState.aggs ?? [])
        if (agg.type === 'date_histogram' && agg.params) delete agg.params.time_zone;
      attrs.visState = JSON.stringify(visState);
    }
  }
  if (type === 'dashboard') {
    // 7.3.0 folded uiStateJSON into the panels' embeddableConfig.
    delete attrs.uiStateJSON;
    const panels = parse(attrs.panelsJSON) as Json[] | undefined;
    if (Array.isArray(panels)) {
      panels.forEach((panel, index) => {
        if (typeof panel.id !== 'string' || typeof panel.type !== 'string') return;
        panel.panelRefName = `panel_${index}`;
        refs.push({ name: `panel_${index}`, type: panel.type, id: panel.id });
        delete panel.id;
        delete panel.type;
      });
      attrs.panelsJSON = JSON.stringify(panels);
    }
  }
  const version = MIGRATION_VERSIONS[type];
  return { attributes: attrs, references: refs, migrationVersion: version ? { [type]: version } : {} };
}
