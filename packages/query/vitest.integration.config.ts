import { existsSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vitest/config';
import { integrationBase, reporters } from '../../vitest.shared.js';

const globalSetup = '../../tools/opensearch/src/globalSetup.ts';

export default mergeConfig(
  integrationBase,
  defineConfig({
    test: {
      name: 'query-integration',
      reporters: reporters('query-integration'),
      globalSetup: existsSync(new URL(globalSetup, import.meta.url)) ? [globalSetup] : [],
    },
  }),
);
