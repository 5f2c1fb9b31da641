import type { SavedObject } from '../dashboardsClient.js';
import { ERRORS_QUERY, LOG_FIELDS } from './logFields.js';

const INDEX_REF = 'kibanaSavedObjectMeta.searchSourceJSON.index';

interface Agg {
  type: string;
  schema: string;
  params?: Record<string, unknown>;
}

/** A visualization in the form Dashboards stores it: the index pattern as a reference. */
function visualization(
  indexPatternId: string,
  id: string,
  title: string,
  type: string,
  aggs: readonly Agg[],
  query = '',
): SavedObject {
  const params =
    type === 'table'
      ? { perPage: 10, showPartialRows: false, showMetricsAtAllLevels: false, showTotal: false }
      : { type, addTooltip: true, addLegend: true, legendPosition: 'right' };
  const visState = {
    title,
    type,
    params,
    aggs: aggs.map((agg, index) => ({ id: String(index + 1), enabled: true, params: {}, ...agg })),
  };
  return {
    id,
    type: 'visualization',
    attributes: {
      title,
      description: '',
      version: 1,
      visState: JSON.stringify(visState),
      uiStateJSON: '{}',
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({ query: { query, language: 'kuery' }, filter: [], indexRefName: INDEX_REF }),
      },
    },
    references: [{ name: INDEX_REF, type: 'index-pattern', id: indexPatternId }],
  };
}

const count: Agg = { type: 'count', schema: 'metric' };
const overTime: Agg = {
  type: 'date_histogram',
  schema: 'segment',
  params: { field: LOG_FIELDS.time, interval: 'auto', min_doc_count: 1, extended_bounds: {} },
};
const top = (field: string, size: number, schema: string, orderBy = '1'): Agg => ({
  type: 'terms',
  schema,
  params: { field, size, order: 'desc', orderBy, otherBucket: false, missingBucket: false },
});

/** The overview's panels, each on typed fields of the document model (logFields.ts). */
export function logsVisualizations(indexPatternId: string): SavedObject[] {
  const vis = (id: string, title: string, type: string, aggs: Agg[], query?: string) =>
    visualization(indexPatternId, `loglift-${id}`, `loglift: ${title}`, type, aggs, query);
  return [
    vis('volume-by-level', 'log volume by level', 'histogram', [count, overTime, top(LOG_FIELDS.level, 6, 'group')]),
    vis(
      'errors-by-namespace',
      'errors by namespace',
      'horizontal_bar',
      [count, top(LOG_FIELDS.namespace, 10, 'segment')],
      ERRORS_QUERY,
    ),
    vis(
      'errors-by-service',
      'errors by service',
      'horizontal_bar',
      [count, top(LOG_FIELDS.service, 10, 'segment')],
      ERRORS_QUERY,
    ),
    vis(
      'top-erroring-pods',
      'top erroring pods',
      'table',
      [count, top(LOG_FIELDS.pod, 10, 'bucket'), top(LOG_FIELDS.namespace, 1, 'bucket')],
      ERRORS_QUERY,
    ),
    vis(
      'http-status-over-time',
      'HTTP status over time',
      'histogram',
      [
        count,
        overTime,
        {
          type: 'range',
          schema: 'group',
          params: {
            field: LOG_FIELDS.status,
            ranges: [100, 200, 300, 400, 500].map((from) => ({ from, to: from + 100 })),
          },
        },
      ],
      `${LOG_FIELDS.status}:*`,
    ),
    vis(
      'slowest-routes',
      'slowest routes (ms)',
      'table',
      [
        { type: 'max', schema: 'metric', params: { field: LOG_FIELDS.duration } },
        { type: 'percentiles', schema: 'metric', params: { field: LOG_FIELDS.duration, percents: [95] } },
        { type: 'avg', schema: 'metric', params: { field: LOG_FIELDS.duration } },
        count,
        top(LOG_FIELDS.route, 10, 'bucket'),
      ],
      `${LOG_FIELDS.duration}:*`,
    ),
  ];
}
