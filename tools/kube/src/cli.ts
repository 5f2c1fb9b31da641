import { startControlPlane } from './startControlPlane.js';

/**
 * `tsx src/cli.ts`: starts the control plane, prints its connection as one JSON line on stdout
 * and keeps it up until SIGINT or SIGTERM. For trying the chart by hand:
 *   KUBECONFIG=<kubeconfigFile from the JSON> .cache/bin/helm4 install ...
 */
const plane = await startControlPlane();
process.stdout.write(
  `${JSON.stringify({ server: plane.server, caFile: plane.caFile, kubeconfigFile: plane.kubeconfigFile, version: plane.version })}\n`,
);
const shutdown = (): void => {
  plane.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
// Keeps the event loop alive: the services are unref'd so that a forgotten stop() in a test run cannot hang it.
setInterval(() => undefined, 60_000);
