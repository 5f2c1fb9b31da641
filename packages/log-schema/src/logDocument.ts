import type { Level } from './levels.js';
import type { MERGE_KEY } from './mergeKey.js';

/** The JSON line @loglift/logger writes (fields an app adds are allowed beside these). */
export interface LogRecord {
  time: string;
  level: Level;
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
  error?: { type?: string; message?: string; stack_trace?: string; code?: string; cause?: Record<string, unknown> };
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

/** Fields Fluent Bit writes around the merged app record. */
export interface PipelineDocument {
  '@timestamp': string;
  stream?: 'stdout' | 'stderr';
  /** Present only when the line was not JSON. */
  log?: string;
  kubernetes?: KubernetesMetadata;
}

/** A document as stored in OpenSearch after Fluent Bit's merge. */
export type LogDocument = PipelineDocument & { [K in typeof MERGE_KEY]?: Partial<LogRecord> };
