import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

// The whole pipeline against one OpenSearch node: the global setup starts it, or reuses the node
// named by LOGLIFT_OPENSEARCH_URL (+ _USERNAME/_PASSWORD/_CA) as the test command does.
export default mergeConfig(
  integrationBase,
  defineConfig({
    test: {
      name: 'e2e-pipeline',
      reporters: reporters('e2e-pipeline'),
      include: ['src/**/*.e2e.test.ts'],
      globalSetup: ['@loglift/opensearch-testbed/globalSetup'],
      testTimeout: 240_000,
    },
  }),
);
