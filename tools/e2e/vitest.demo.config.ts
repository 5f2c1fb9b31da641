import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

// demo.sh itself, run as people run it: each test starts its own OpenSearch through the script.
export default mergeConfig(
  integrationBase,
  defineConfig({
    test: {
      name: 'e2e-demo',
      reporters: reporters('e2e-demo'),
      include: ['src/**/*.demo.test.ts'],
      testTimeout: 600_000,
    },
  }),
);
