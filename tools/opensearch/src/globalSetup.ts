import type { TestProject } from 'vitest/node';
import { connectionFromEnv, fetchVersion } from './connection.js';
import type { OpenSearchConnection } from './providedContext.js';
import { startOpenSearch } from './startOpenSearch.js';

/**
 * vitest global setup: provides `inject('opensearch')` to the tests.
 * Reuses the node named by LOGLIFT_OPENSEARCH_URL (+ _USERNAME/_PASSWORD/_CA)
 * when set; otherwise starts one for the run and stops it afterwards.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const fromEnv = connectionFromEnv();
  if (fromEnv !== undefined) {
    const version = fromEnv.version ?? (await fetchVersion(fromEnv));
    const connection: OpenSearchConnection = { ...fromEnv, version };
    project.provide('opensearch', connection);
    return undefined;
  }
  const node = await startOpenSearch();
  const connection: OpenSearchConnection = {
    url: node.url,
    username: node.username,
    password: node.password,
    caFile: node.caFile,
    version: node.version,
  };
  project.provide('opensearch', connection);
  return async () => {
    await node.stop();
  };
}
