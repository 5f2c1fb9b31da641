import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

// Smoke tests of the OpenSearch test node. The global setup starts a node, or
// reuses the one named by LOGLIFT_OPENSEARCH_URL (+ _USERNAME/_PASSWORD/_CA).
export default mergeConfig(
  integrationBase,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    test: {
      name: 'opensearch-testbed-integration',
      reporters: reporters('opensearch-testbed-integration'),
      globalSetup: ['./src/globalSetup.ts'],
    },
  }),
);
