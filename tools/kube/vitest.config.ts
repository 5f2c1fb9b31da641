import { defineConfig, mergeConfig } from 'vitest/config';
import { base, reporters } from '../../vitest.shared.js';

export default mergeConfig(
  base,
  defineConfig({ test: { name: 'kube-testbed', reporters: reporters('kube-testbed') } }),
);
