import type { SavedObject } from '../dashboardsClient.js';
import { LOG_FIELDS } from './logFields.js';
import { logsVisualizations } from './logsVisualizations.js';

const INDEX_REF = 'kibanaSavedObjectMeta.searchSourceJSON.index';
const EMPTY_QUERY = { query: '', language: 'kuery' };

export const LOGS_SEARCH_ID = 'loglift-logs-search';
export const LOGS_DASHBOARD_ID = 'loglift-logs-overview';

function savedSearch(indexPatternId: string): SavedObject {
  return {
    id: LOGS_SEARCH_ID,
    type: 'search',
    attributes: {
      title: 'loglift: logs',
      description: 'Every log line, newest first, with the fields to narrow it down.',
      hits: 0,
      columns: [LOG_FIELDS.level, LOG_FIELDS.service, LOG_FIELDS.namespace, LOG_FIELDS.pod, LOG_FIELDS.message],
      sort: [[LOG_FIELDS.time, 'desc']],
      version: 1,
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({ query: EMPTY_QUERY, filter: [], indexRefName: INDEX_REF }),
      },
    },
    references: [{ name: INDEX_REF, type: 'index-pattern', id: indexPatternId }],
  };
}

/** Grid positions (48 columns wide) of the overview's panels, in order. */
const GRID = [
  { x: 0, y: 0, w: 48, h: 12 },
  { x: 0, y: 12, w: 24, h: 14 },
  { x: 24, y: 12, w: 24, h: 14 },
  { x: 0, y: 26, w: 24, h: 15 },
  { x: 24, y: 26, w: 24, h: 15 },
  { x: 0, y: 41, w: 24, h: 15 },
  { x: 24, y: 41, w: 24, h: 15 },
];

function overviewDashboard(panelObjects: readonly SavedObject[]): SavedObject {
  const panels = panelObjects.map((_object, index) => {
    const grid = GRID[index] ?? { x: 0, y: 56 + (index - GRID.length) * 15, w: 48, h: 15 };
    const panelIndex = String(index + 1);
    return { panelIndex, gridData: { ...grid, i: panelIndex }, embeddableConfig: {}, panelRefName: `panel_${index}` };
  });
  return {
    id: LOGS_DASHBOARD_ID,
    type: 'dashboard',
    attributes: {
      title: 'loglift: logs overview',
      description: 'Volume by level, errors by namespace, service and pod, HTTP status and the slowest routes.',
      hits: 0,
      version: 1,
      panelsJSON: JSON.stringify(panels),
      optionsJSON: JSON.stringify({ hidePanelTitles: false, useMargins: true }),
      timeRestore: true,
      timeFrom: 'now-24h',
      timeTo: 'now',
      refreshInterval: { pause: true, value: 0 },
      kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: EMPTY_QUERY, filter: [] }) },
    },
    references: panelObjects.map((object, index) => ({ name: `panel_${index}`, type: object.type, id: object.id })),
  };
}

/**
 * The saved search and overview dashboard the hook imports into each tenant, in the form
 * Dashboards stores them (references, not ids inside the JSON), in dependency order: what an
 * object references comes before it.
 */
export function logsContent(indexPatternId: string): SavedObject[] {
  const search = savedSearch(indexPatternId);
  const visualizations = logsVisualizations(indexPatternId);
  return [search, ...visualizations, overviewDashboard([...visualizations, search])];
}
