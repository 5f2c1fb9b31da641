import type { OpenSearchConnection } from '@loglift/opensearch-testbed/connection';

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Turns the test node's connection JSON into shell `export` lines, quoted so that any password
 * survives `eval`. Integration suites read these LOGLIFT_OPENSEARCH_* variables to reuse the node.
 */
export function connectionEnv(json: string): string {
  const parsed = JSON.parse(json) as Partial<OpenSearchConnection>;
  const entries: Array<[string, unknown]> = [
    ['LOGLIFT_OPENSEARCH_URL', parsed.url],
    ['LOGLIFT_OPENSEARCH_USERNAME', parsed.username],
    ['LOGLIFT_OPENSEARCH_PASSWORD', parsed.password],
    ['LOGLIFT_OPENSEARCH_CA', parsed.caFile],
    ['LOGLIFT_OPENSEARCH_VERSION', parsed.version],
  ];
  return entries
    .map(([name, value]) => {
      if (typeof value !== 'string' || value === '') throw new Error(`connection JSON lacks a string for ${name}`);
      return `export ${name}=${shellQuote(value)}`;
    })
    .join('\n');
}
