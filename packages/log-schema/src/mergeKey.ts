/**
 * The key Fluent Bit's kubernetes filter merges an app's JSON line under
 * (`Merge_Log On`, `Merge_Log_Key app`). Nesting app fields under one key keeps them from
 * colliding with `kubernetes.*`, `stream` or `@timestamp`, whatever an app chooses to log.
 */
export const MERGE_KEY = 'app';

/** The document time field Fluent Bit's opensearch output adds and Dashboards sorts on. */
export const TIMESTAMP_FIELD = '@timestamp';
