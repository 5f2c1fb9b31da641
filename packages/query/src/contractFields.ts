import { fieldType, LEVELS, TIMESTAMP_FIELD } from '@loglift/log-schema';

/** A path of the document contract; throws at load time if the contract ever drops it. */
function contract(path: string): string {
  if (fieldType(path) === undefined) throw new Error(`"${path}" is not a field of the log document contract`);
  return path;
}

/** The contract fields this library's filters, sorting and stats rely on. */
export const FIELDS = {
  timestamp: contract(TIMESTAMP_FIELD),
  namespace: contract('kubernetes.namespace_name'),
  pod: contract('kubernetes.pod_name'),
  container: contract('kubernetes.container_name'),
  node: contract('kubernetes.host'),
  labels: contract('kubernetes.labels'),
  level: contract('level'),
  message: contract('message'),
  service: contract('service.name'),
  traceId: contract('trace_id'),
  requestId: contract('http.request.id'),
} as const;

/** Levels counted as errors by stats and `--level error+`. */
export const ERROR_LEVELS: readonly string[] = LEVELS.slice(LEVELS.indexOf('error'));
