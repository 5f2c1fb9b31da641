import type { BootstrapConfig } from '../config/schema.js';
import type { DashboardsClient } from '../dashboards/dashboardsClient.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import type { WriterLogin } from './basicLogin.js';

export interface InternalWriter {
  readonly name: string;
  readonly password: string;
}

/** Everything the steps need, resolved before planning (secrets, IRSA role ARN). */
export interface StepContext {
  readonly config: BootstrapConfig;
  readonly os: OpenSearch;
  /** Backend roles to map to the writer role: configured ones plus the ServiceAccount's IAM role. */
  readonly writerBackendRoles: readonly string[];
  readonly internalWriter?: InternalWriter;
  /** Logs in as the internal writer with its desired password (read-only check). */
  readonly tryWriterLogin?: (writer: InternalWriter) => Promise<WriterLogin>;
  readonly dashboards?: DashboardsClient;
  /** False when the cluster has no ISM plugin (retention cannot be managed there). */
  readonly ismAvailable?: boolean;
}

/** Marks objects this hook manages, so people can tell them apart. */
export const MANAGED_BY = 'loglift-bootstrap';
