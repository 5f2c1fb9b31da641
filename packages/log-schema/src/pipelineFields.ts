import type { FieldSpec } from './fieldTypes.js';
import { MERGE_KEY, OVERSIZE_FIELDS, OVERSIZE_VALUES } from './mergeKey.js';

/**
 * Fields the pipeline writes around the typed contract fields: the CRI parser's `stream`, the
 * opensearch output's `@timestamp`, the kubernetes filter's metadata, what the lift adds (where
 * `service.name` came from, typed copies of the well-known workload labels, values set aside
 * because they were too long to index) and the app's whole JSON line under the merge key.
 */
export const pipelineFields = [
  { path: '@timestamp', type: 'date', origin: 'fluent-bit', description: 'Time the container runtime read the line.' },
  { path: 'stream', type: 'keyword', origin: 'fluent-bit', description: 'stdout or stderr.' },
  {
    path: 'log',
    type: 'text',
    origin: 'fluent-bit',
    description: 'The raw line, in documents stored without the lift (the lift makes it message).',
  },
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
  {
    path: 'service.name_source',
    type: 'keyword',
    origin: 'loglift',
    description: 'Where service.name came from: app, label:<key> or container.',
  },
  {
    path: OVERSIZE_FIELDS,
    type: 'keyword',
    origin: 'loglift',
    description: `App paths whose values were too long to index; their values are in ${OVERSIZE_VALUES}.`,
  },
  {
    path: 'loglift.lift_error',
    type: 'keyword',
    origin: 'loglift',
    description: "Set by the chart's lua filter when the lift failed on a record, which is then stored as it came.",
  },
  {
    path: MERGE_KEY,
    type: 'flat_object',
    origin: 'loglift',
    description: 'Everything the app logged as JSON; any key at any depth is searchable as app.<path>.',
  },
] as const satisfies readonly FieldSpec[];
