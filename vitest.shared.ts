import { defineConfig } from 'vitest/config';

// Base for every project's vitest config. Projects merge it with their own name and globs.
// When LOGLIFT_REPORT_DIR is set (the test command sets it) each run also writes a JSON report,
// which tools/ci/summarize.ts adds up into the closing "N passed, N failed" line.
export function reporters(
  name: string,
): NonNullable<NonNullable<ReturnType<typeof defineConfig>['test']>['reporters']> {
  const dir = process.env.LOGLIFT_REPORT_DIR;
  if (!dir) return ['default'];
  return ['default', ['json', { outputFile: `${dir}/vitest-${name.replace(/[^a-z0-9-]+/gi, '_')}.json` }]];
}

export const base = defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript source (see "exports" in each package.json).
    conditions: ['@loglift/source'],
  },
  ssr: {
    resolve: { conditions: ['@loglift/source'], externalConditions: ['@loglift/source'] },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'src/**/*.integration.test.ts'],
    testTimeout: 15_000,
    hookTimeout: 30_000,
  },
});

export const integrationBase = defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/**/*.integration.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
