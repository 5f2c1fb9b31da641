import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

export default mergeConfig(
  integrationBase,
  defineConfig({
    test: {
      name: 'query-integration',
      reporters: reporters('query-integration'),
      globalSetup: ['@loglift/opensearch-testbed/globalSetup'],
    },
  }),
);
