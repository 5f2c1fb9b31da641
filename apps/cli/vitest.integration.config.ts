import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

export default mergeConfig(
  integrationBase,
  defineConfig({
    test: {
      name: 'cli-integration',
      reporters: reporters('cli-integration'),
      globalSetup: ['@loglift/opensearch-testbed/globalSetup', './src/testing/buildBundle.ts'],
    },
  }),
);
