import type { FieldSpec } from './fieldTypes.js';

/**
 * Every field @loglift/logger writes, as paths inside the app's JSON line. Dotted paths are
 * written as nested objects (`{"http":{"route":"/x"}}`), never as literal dotted keys, so that
 * Fluent Bit's `replace_dots` leaves them alone and OpenSearch sees the same tree.
 */
export const appFields = [
  {
    path: 'time',
    type: 'date',
    origin: 'loglift',
    description: 'ISO-8601 UTC time with milliseconds, set by the logger.',
  },
  {
    path: 'level',
    type: 'keyword',
    origin: 'loglift',
    description: 'Lowercase level label: trace, debug, info, warn, error, fatal.',
  },
  { path: 'message', type: 'text', origin: 'ecs', description: 'The human-readable message.' },
  { path: 'service.name', type: 'keyword', origin: 'otel', description: 'Logical service name (OTEL_SERVICE_NAME).' },
  { path: 'service.version', type: 'keyword', origin: 'otel', description: 'Service version.' },
  {
    path: 'service.environment',
    type: 'keyword',
    origin: 'ecs',
    description: 'Deployment environment, e.g. production.',
  },
  { path: 'k8s.pod.name', type: 'keyword', origin: 'otel', description: 'Pod name from the downward API.' },
  { path: 'k8s.namespace.name', type: 'keyword', origin: 'otel', description: 'Namespace from the downward API.' },
  { path: 'k8s.node.name', type: 'keyword', origin: 'otel', description: 'Node name from the downward API.' },
  { path: 'trace_id', type: 'keyword', origin: 'otel', description: 'W3C trace id, 32 lowercase hex characters.' },
  { path: 'span_id', type: 'keyword', origin: 'otel', description: 'W3C span id, 16 lowercase hex characters.' },
  { path: 'trace_flags', type: 'keyword', origin: 'otel', description: 'W3C trace flags, 2 hex characters.' },
  {
    path: 'http.request.id',
    type: 'keyword',
    origin: 'ecs',
    description: 'Request id (x-request-id), on every line written while handling a request.',
  },
  { path: 'http.request.method', type: 'keyword', origin: 'otel', description: 'HTTP method.' },
  { path: 'http.route', type: 'keyword', origin: 'otel', description: 'Route template, e.g. /api/tasks/:id.' },
  { path: 'url.path', type: 'keyword', origin: 'otel', description: 'Request path without the query string.' },
  { path: 'http.response.status_code', type: 'long', origin: 'otel', description: 'HTTP response status code.' },
  { path: 'http.response.body.size', type: 'long', origin: 'otel', description: 'Response body size in bytes.' },
  {
    path: 'http.server.duration_ms',
    type: 'double',
    origin: 'loglift',
    description: 'Time to respond, in milliseconds.',
  },
  { path: 'user_agent.original', type: 'keyword', origin: 'otel', description: 'User-Agent header.' },
  { path: 'client.address', type: 'keyword', origin: 'otel', description: 'Client IP address.' },
  { path: 'error.type', type: 'keyword', origin: 'ecs', description: 'Error class name, e.g. TypeError.' },
  { path: 'error.message', type: 'text', origin: 'ecs', description: 'Error message.' },
  { path: 'error.stack_trace', type: 'text', origin: 'ecs', description: 'Stack trace, newlines kept.' },
  { path: 'error.code', type: 'keyword', origin: 'ecs', description: 'Error code, e.g. ECONNRESET.' },
  {
    path: 'error.cause',
    type: 'flat_object',
    origin: 'loglift',
    description: 'Cause chain and extra error properties, searchable as strings.',
  },
  {
    path: 'log.truncated',
    type: 'boolean',
    origin: 'loglift',
    description: 'True when the line was cut to stay below the runtime line limit.',
  },
  {
    path: 'log.original_size',
    type: 'long',
    origin: 'loglift',
    description: 'Size in bytes of the record before truncation.',
  },
] as const satisfies readonly FieldSpec[];

export type AppFieldPath = (typeof appFields)[number]['path'];
