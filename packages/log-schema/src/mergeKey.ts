/**
 * The key Fluent Bit's kubernetes filter merges an app's JSON line under
 * (`Merge_Log On`, `Merge_Log_Key app`). Nesting app fields under one key keeps them from
 * colliding with `kubernetes.*`, `stream` or `@timestamp`, whatever an app chooses to log.
 */
export const MERGE_KEY = 'app';

/** The document time field Fluent Bit's opensearch output adds and Dashboards sorts on. */
export const TIMESTAMP_FIELD = '@timestamp';

/** Where the lift keeps values too long to index (unindexed), by app path. */
export const OVERSIZE_VALUES = 'loglift.oversize';

/** Where the lift lists the app paths it set aside (a keyword, so `loglift.oversize_fields:*` finds them). */
export const OVERSIZE_FIELDS = 'loglift.oversize_fields';
