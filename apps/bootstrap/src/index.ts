export { type ApplyResult, apply } from './apply.js';
export { ConfigError } from './config/configError.js';
export { loadConfig, parseConfig } from './config/loadConfig.js';
export {
  type BootstrapConfig,
  type BootstrapConfigInput,
  bootstrapConfigSchema,
  PRIVILEGED_ROLES,
} from './config/schema.js';
export { DashboardsClient, DashboardsError } from './dashboards/dashboardsClient.js';
export { sigv4Headers } from './dashboards/sigv4Headers.js';
export { createJobEvent, IRSA_ANNOTATION, readServiceAccountRoleArn } from './kube/kubeApi.js';
export { main } from './main.js';
export { createOpenSearch } from './opensearch/createOpenSearch.js';
export { OpenSearch } from './opensearch/openSearch.js';
export { OpenSearchError } from './opensearch/openSearchError.js';
export { isWriteRequest, WriteCounter } from './opensearch/writeCounter.js';
export { buildSteps, type PlannedObject, plan } from './plan.js';
export { preflight } from './preflight.js';
export { PreflightError } from './preflightError.js';
export { EXIT, type RunDeps, type RunOptions, run } from './run.js';
export { desiredIndexTemplate } from './steps/indexTemplate.js';
export { desiredIsmPolicy } from './steps/ismPolicy.js';
export { appStorage, buildLogMappings } from './steps/logMappings.js';
export { mergeRoleMapping } from './steps/roleMappings.js';
export { desiredReaderRole, desiredWriterRole } from './steps/roles.js';
