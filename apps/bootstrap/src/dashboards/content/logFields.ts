import { LEVELS, TIMESTAMP_FIELD } from '@loglift/log-schema';
import { contentField } from './contentField.js';

/** The document fields the shipped saved search and overview dashboard are built on. */
export const LOG_FIELDS = {
  time: contentField(TIMESTAMP_FIELD, 'date'),
  level: contentField('level', 'terms'),
  message: contentField('message', 'column'),
  service: contentField('service.name', 'terms'),
  namespace: contentField('kubernetes.namespace_name', 'terms'),
  pod: contentField('kubernetes.pod_name', 'terms'),
  container: contentField('kubernetes.container_name', 'terms'),
  status: contentField('http.response.status_code', 'number'),
  route: contentField('http.route', 'terms'),
  duration: contentField('http.server.duration_ms', 'number'),
} as const;

/** Levels counted as errors: `error` and everything more severe. */
export const ERROR_LEVELS: readonly string[] = LEVELS.slice(LEVELS.indexOf('error'));

/** DQL matching error lines. */
export const ERRORS_QUERY = `${LOG_FIELDS.level}:(${ERROR_LEVELS.join(' or ')})`;
