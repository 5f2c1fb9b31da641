import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

// The global setup starts etcd and kube-apiserver for the run and stops them afterwards.
// The bootstrap suite also needs OpenSearch: the test bed's setup reuses the node named by
// LOGLIFT_OPENSEARCH_URL (the test command starts one), else starts its own.
export default mergeConfig(
  integrationBase,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    test: {
      name: 'kube-testbed-integration',
      reporters: reporters('kube-testbed-integration'),
      globalSetup: ['./src/globalSetup.ts', '../opensearch/src/globalSetup.ts'],
    },
  }),
);
