import type { Level } from './levels.js';
import type { MERGE_KEY } from './mergeKey.js';

/** The contract's fields, as the logger writes them and as the lift types them at the root. */
export interface ContractFields {
  time?: string;
  level?: Level;
  message?: string;
  service?: { name?: string; version?: string; environment?: string };
  k8s?: { pod?: { name?: string }; namespace?: { name?: string }; node?: { name?: string } };
  trace_id?: string;
  span_id?: string;
  trace_flags?: string;
  http?: {
    request?: { id?: string; method?: string };
    route?: string;
    response?: { status_code?: number; body?: { size?: number } };
    server?: { duration_ms?: number };
  };
  url?: { path?: string };
  user_agent?: { original?: string };
  client?: { address?: string };
  error?: { type?: string; message?: string; stack_trace?: string; code?: string };
}

/** The JSON line @loglift/logger writes (fields an app adds are allowed beside these). */
export interface LogRecord extends ContractFields {
  time: string;
  level: Level;
  error?: ContractFields['error'] & { cause?: Record<string, unknown> };
  log?: { truncated?: boolean; original_size?: number };
  [extra: string]: unknown;
}

/** Kubernetes metadata the kubernetes filter adds (annotations are off in the chart). */
export interface KubernetesMetadata {
  namespace_name?: string;
  pod_name?: string;
  pod_id?: string;
  container_name?: string;
  container_image?: string;
  container_hash?: string;
  docker_id?: string;
  host?: string;
  labels?: Record<string, string>;
}

/** Fields the pipeline writes besides the lifted contract fields. */
export interface PipelineDocument {
  '@timestamp': string;
  stream?: 'stdout' | 'stderr';
  /** The raw line, only in documents stored without the lift (the lift makes it `message`). */
  log?: string;
  kubernetes?: KubernetesMetadata;
  /** Typed copies of the workload labels, e.g. `app_kubernetes_io_name`. */
  labels?: Record<string, string>;
  loglift?: {
    truncated?: boolean;
    original_size?: number;
    oversize?: Record<string, unknown>;
    oversize_fields?: string[];
  };
}

/**
 * A document as stored in OpenSearch: the contract's fields typed at the root (the truncation
 * marker moves under `loglift`), `service.name_source`, and the app's whole JSON line under the
 * merge key.
 */
export type LogDocument = PipelineDocument &
  Omit<ContractFields, 'service'> & {
    service?: ContractFields['service'] & { name_source?: string };
  } & { [K in typeof MERGE_KEY]?: Record<string, unknown> };
