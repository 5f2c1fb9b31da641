import { defineConfig, mergeConfig } from 'vitest/config';
import { base, reporters } from '../../vitest.shared.js';

// Chart tests live in tests/ with the helm-unittest suites (no src/); mergeConfig would append to base's include list.
export default mergeConfig(
  { ...base, test: { ...base.test, include: ['tests/**/*.test.ts'] } },
  defineConfig({ test: { name: 'chart', reporters: reporters('chart'), testTimeout: 60_000 } }),
);
