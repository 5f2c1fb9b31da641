import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

export default mergeConfig(
  integrationBase,
  defineConfig({
    test: {
      name: 'bootstrap-integration',
      reporters: reporters('bootstrap-integration'),
      globalSetup: ['@loglift/opensearch-testbed/globalSetup'],
    },
  }),
);
