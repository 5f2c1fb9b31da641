import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

export default mergeConfig(
  integrationBase,
  defineConfig({
    test: {
      name: 'logger-integration',
      reporters: reporters('logger-integration'),
      globalSetup: ['@loglift/opensearch-testbed/globalSetup'],
    },
  }),
);
