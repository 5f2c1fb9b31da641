/** Progress messages of the test bed: plain lines on stderr, never stdout. */
export function info(message: string): void {
  if (process.env.LOGLIFT_KUBE_QUIET === '1') return;
  process.stderr.write(`[kube-testbed] ${message}\n`);
}
