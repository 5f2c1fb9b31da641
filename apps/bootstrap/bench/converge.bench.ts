// Time to converge on a fresh cluster and on a converged one, with the number of write requests.
// Uses LOGLIFT_OPENSEARCH_URL/_USERNAME/_PASSWORD/_CA when set, else starts the test node.
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { WriteCounter } from '../src/opensearch/writeCounter.js';
import { type Log, run } from '../src/run.js';
import { benchNode } from './benchNode.js';

const node = await benchNode();

const prefix = `bench${randomBytes(3).toString('hex')}`;
const dir = await mkdtemp(join(tmpdir(), 'loglift-bench-'));
const configFile = join(dir, 'bootstrap.yaml');
await writeFile(
  configFile,
  stringify({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url: node.url, ...(node.caFile ? { caFile: node.caFile } : {}), waitSeconds: 60 },
    logs: {
      dataStream: `logs-${prefix}`,
      template: `${prefix}-logs`,
      replicas: 0,
      retention: { policy: `${prefix}-retention` },
    },
    security: {
      writerRole: `${prefix}-writer`,
      readerRole: `${prefix}-reader`,
      writer: { internalUser: { name: `${prefix}-fb` } },
    },
  }),
);
const silent: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function converge(): Promise<{ ms: number; writes: number; code: number }> {
  const counters = { opensearch: new WriteCounter(), dashboards: new WriteCounter() };
  const started = performance.now();
  const code = await run(
    { command: 'apply', configFile, output: 'json' },
    {
      env: {
        LOGLIFT_ADMIN_USERNAME: node.username,
        LOGLIFT_ADMIN_PASSWORD: node.password,
        LOGLIFT_WRITER_PASSWORD: 'Bench-Passw0rd!1',
      },
      log: silent,
      stdout: () => undefined,
      counters,
    },
  );
  return { ms: performance.now() - started, writes: counters.opensearch.count, code };
}

try {
  const fresh = await converge();
  const converged = await converge();
  const rows = [
    ['fresh cluster', fresh],
    ['converged cluster', converged],
  ] as const;
  process.stdout.write('scenario            time (ms)  write requests  exit\n');
  for (const [name, r] of rows) {
    process.stdout.write(
      `${name.padEnd(20)}${r.ms.toFixed(0).padStart(9)}  ${String(r.writes).padStart(14)}  ${r.code}\n`,
    );
  }
  process.stdout.write(`converged/fresh time ratio: ${(converged.ms / fresh.ms).toFixed(2)}\n`);
} finally {
  await node.stop();
}
