/** Indices Dashboards keeps its saved objects in; readers read them. */
export const DASHBOARDS_INDICES = ['.kibana', '.kibana_*', '.opensearch_dashboards', '.opensearch_dashboards_*'];

/** Search, and the mappings and settings Dashboards and the CLI read for field lists. */
export const READ_LOG_ACTIONS = ['read', 'indices:admin/mappings/get', 'indices:monitor/settings/get'];
