import type { FieldSpec } from './fieldTypes.js';

/**
 * Fields Fluent Bit adds around the app record: the CRI parser's `stream` and `log`, the
 * opensearch output's `@timestamp`, and the kubernetes filter's metadata. With `replace_dots`
 * on, dotted label keys such as `app.kubernetes.io/name` arrive as `app_kubernetes_io/name`.
 */
export const pipelineFields = [
  { path: '@timestamp', type: 'date', origin: 'fluent-bit', description: 'Time the container runtime read the line.' },
  { path: 'stream', type: 'keyword', origin: 'fluent-bit', description: 'stdout or stderr.' },
  { path: 'log', type: 'text', origin: 'fluent-bit', description: 'The raw line, kept only when it was not JSON.' },
  { path: 'kubernetes.namespace_name', type: 'keyword', origin: 'kubernetes', description: 'Namespace.' },
  { path: 'kubernetes.pod_name', type: 'keyword', origin: 'kubernetes', description: 'Pod name.' },
  { path: 'kubernetes.pod_id', type: 'keyword', origin: 'kubernetes', description: 'Pod UID.' },
  { path: 'kubernetes.container_name', type: 'keyword', origin: 'kubernetes', description: 'Container name.' },
  { path: 'kubernetes.container_image', type: 'keyword', origin: 'kubernetes', description: 'Container image.' },
  { path: 'kubernetes.container_hash', type: 'keyword', origin: 'kubernetes', description: 'Image digest.' },
  { path: 'kubernetes.docker_id', type: 'keyword', origin: 'kubernetes', description: 'Container id.' },
  { path: 'kubernetes.host', type: 'keyword', origin: 'kubernetes', description: 'Node name.' },
  {
    path: 'kubernetes.labels',
    type: 'flat_object',
    origin: 'kubernetes',
    description: 'Pod labels; any key, searchable as kubernetes.labels.<key>.',
  },
] as const satisfies readonly FieldSpec[];
