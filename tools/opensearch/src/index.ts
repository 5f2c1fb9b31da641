export { type Artifacts, ensureArtifacts } from './artifacts.js';
export { connectionFromEnv, fetchVersion } from './connection.js';
export { type Distribution, ensureDistribution } from './distribution.js';
export type { OpenSearchConnection } from './openSearchConnection.js';
export {
  type OpenSearchNode,
  type Prepared,
  prepareOpenSearch,
  type SettingValue,
  type StartOptions,
  startOpenSearch,
} from './startOpenSearch.js';
