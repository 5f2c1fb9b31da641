#!/usr/bin/env node
/**
 * loglift OpenSearch test bed.
 *
 *   tsx tools/opensearch/src/cli.ts start [--port N] [--heap 1g]
 *       Starts a node, prints its connection as one JSON line on stdout
 *       ({url, username, password, caFile, version}) and keeps it running
 *       until SIGINT or SIGTERM, then stops it.
 *   tsx tools/opensearch/src/cli.ts prepare
 *       Fetches the artifacts, installs the distribution and builds the data
 *       template, without leaving a node running.
 *
 * Progress goes to stderr; stdout carries only the JSON result.
 */
import { parseArgs } from 'node:util';
import { prepareOpenSearch, type StartOptions, startOpenSearch } from './startOpenSearch.js';

const USAGE = 'usage: cli.ts start [--port N] [--heap SIZE] | cli.ts prepare';

async function start(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, heap: { type: 'string' } },
    strict: true,
  });
  const options: StartOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
    options.port = port;
  }
  if (values.heap !== undefined) options.heap = values.heap;

  const node = await startOpenSearch(options);
  const { url, username, password, caFile, version } = node;
  process.stdout.write(`${JSON.stringify({ url, username, password, caFile, version })}\n`);

  // The node's handles are unref'd; this keeps the CLI alive until a signal arrives.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  process.stderr.write(`[opensearch-testbed] ${signal}: stopping the node\n`);
  await node.stop();
  clearInterval(keepAlive);
  return 0;
}

async function prepare(): Promise<number> {
  const prepared = await prepareOpenSearch();
  process.stderr.write(`[opensearch-testbed] OpenSearch ${prepared.version} ready to start from ${prepared.home}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case 'prepare':
      return prepare();
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`[opensearch-testbed] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
