/** Progress messages of the test bed: plain lines on stderr, never stdout. */
export function info(message: string): void {
  if (process.env.LOGLIFT_OPENSEARCH_QUIET === '1') return;
  process.stderr.write(`[opensearch-testbed] ${message}\n`);
}
