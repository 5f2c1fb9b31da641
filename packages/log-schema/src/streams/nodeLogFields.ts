import type { FieldSpec } from '../fieldTypes.js';

/** Data stream the chart ships node logs (kubelet, container runtime, audit log) to, unless configured otherwise. */
export const DEFAULT_NODE_LOGS_DATA_STREAM = 'logs-loglift-node';

/** Values of `source` in a node log document. */
export const NODE_LOG_SOURCES = ['journal', 'audit'] as const;

/**
 * A node log document: a systemd journal entry as Fluent Bit's systemd input gives it with
 * `lowercase on` and `strip_underscores on` (`_SYSTEMD_UNIT` -> `systemd_unit`), or an API server
 * audit event (audit.k8s.io/v1, one JSON line of the audit log), plus `node` and `source` from the
 * pipeline. These fields are typed; the rest stays in `_source`.
 */
export const nodeLogFields = [
  { path: '@timestamp', type: 'date', origin: 'fluent-bit', description: 'Time of the entry.' },
  { path: 'node', type: 'keyword', origin: 'loglift', description: 'Node the entry was read on.' },
  { path: 'source', type: 'keyword', origin: 'loglift', description: 'journal or audit.' },
  { path: 'message', type: 'text', origin: 'fluent-bit', description: 'Journal MESSAGE.' },
  { path: 'systemd_unit', type: 'keyword', origin: 'fluent-bit', description: 'Unit, e.g. kubelet.service.' },
  { path: 'syslog_identifier', type: 'keyword', origin: 'fluent-bit', description: 'e.g. kubelet, containerd.' },
  { path: 'priority', type: 'long', origin: 'fluent-bit', description: 'syslog priority, 0 (emerg) to 7 (debug).' },
  { path: 'pid', type: 'long', origin: 'fluent-bit', description: 'Process id.' },
  { path: 'hostname', type: 'keyword', origin: 'fluent-bit', description: 'Host name the journal recorded.' },
  { path: 'boot_id', type: 'keyword', origin: 'fluent-bit', description: 'Boot the entry belongs to.' },
  { path: 'transport', type: 'keyword', origin: 'fluent-bit', description: 'journal, stdout, syslog, kernel.' },
  { path: 'verb', type: 'keyword', origin: 'kubernetes', description: 'Audit: get, list, create, delete, ...' },
  {
    path: 'stage',
    type: 'keyword',
    origin: 'kubernetes',
    description: 'Audit: RequestReceived, ResponseComplete, ...',
  },
  { path: 'auditID', type: 'keyword', origin: 'kubernetes', description: 'Audit: id of the request.' },
  { path: 'requestURI', type: 'keyword', origin: 'kubernetes', description: 'Audit: the request path and query.' },
  { path: 'user.username', type: 'keyword', origin: 'kubernetes', description: 'Audit: who asked.' },
  { path: 'user.groups', type: 'keyword', origin: 'kubernetes', description: 'Audit: their groups.' },
  { path: 'sourceIPs', type: 'keyword', origin: 'kubernetes', description: 'Audit: client addresses.' },
  { path: 'userAgent', type: 'keyword', origin: 'kubernetes', description: 'Audit: client user agent.' },
  { path: 'objectRef.resource', type: 'keyword', origin: 'kubernetes', description: 'Audit: resource, e.g. secrets.' },
  { path: 'objectRef.namespace', type: 'keyword', origin: 'kubernetes', description: "Audit: the object's namespace." },
  { path: 'objectRef.name', type: 'keyword', origin: 'kubernetes', description: "Audit: the object's name." },
  { path: 'objectRef.apiGroup', type: 'keyword', origin: 'kubernetes', description: 'Audit: API group.' },
  { path: 'objectRef.subresource', type: 'keyword', origin: 'kubernetes', description: 'Audit: e.g. exec, log.' },
  { path: 'responseStatus.code', type: 'long', origin: 'kubernetes', description: 'Audit: HTTP status answered.' },
  { path: 'requestReceivedTimestamp', type: 'date', origin: 'kubernetes', description: 'Audit: request time.' },
  { path: 'stageTimestamp', type: 'date', origin: 'kubernetes', description: 'Audit: time of this stage.' },
] as const satisfies readonly FieldSpec[];
