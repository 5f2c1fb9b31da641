import { defineConfig, mergeConfig } from 'vitest/config';
import { base, reporters } from '../../vitest.shared.js';

export default mergeConfig(
  base,
  defineConfig({
    test: { name: 'e2e', reporters: reporters('e2e'), exclude: ['src/**/*.e2e.test.ts', 'src/**/*.demo.test.ts'] },
  }),
);
