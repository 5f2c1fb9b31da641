import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClusterError, count, FIELDS, type LogClient, LogliftQueryError, parseDuration } from '@loglift/query';
import { Command } from 'commander';
import type { ConnectionFlags } from '../config/resolveConnection.js';
import { addConnectionOptions } from '../options.js';
import { openSession } from '../session.js';

interface Flags extends ConnectionFlags {
  serviceUrl: string;
  timeout: string;
  template?: string;
  policy?: string;
  writerRole?: string;
}

interface Check {
  readonly name: string;
  readonly run: () => Promise<string>;
}

const EXAMPLES = `
Examples:
  loglift verify --service-url http://loglift-task-service:8080 --timeout 120s
  loglift verify --service-url http://localhost:8080 --template loglift-logs --policy loglift-logs-retention

Sends GET /api/tasks with a unique x-request-id and waits until that request's log line is
searchable; then checks that the index template, retention policy and writer role mapping
exist, each only when its flag is given. Exit code 0 when every check passed, 1 otherwise.`;

export function verifyCommand(): Command {
  const command = new Command('verify')
    .description('end-to-end check: a request to the task service shows up in OpenSearch')
    .requiredOption('--service-url <url>', 'base URL of the task service')
    .option('--timeout <duration>', 'how long to wait for the log line', '120s')
    .option('--template <name>', 'index template that must exist, e.g. loglift-logs')
    .option('--policy <name>', 'ISM retention policy that must exist, e.g. loglift-logs-retention')
    .option('--writer-role <name>', 'role whose mapping must exist, e.g. loglift-writer');
  addConnectionOptions(command);
  return command.addHelpText('after', EXAMPLES).action(async (flags: Flags) => {
    const timeoutMs = parseDuration(flags.timeout);
    const { client } = openSession(flags);
    const requestId = `loglift-verify-${randomUUID()}`;
    const checks: Check[] = [
      { name: `GET ${flags.serviceUrl}/api/tasks`, run: () => callService(flags.serviceUrl, requestId) },
      { name: `log line with ${FIELDS.requestId}=${requestId}`, run: () => waitForLine(client, requestId, timeoutMs) },
    ];
    // Object checks run only when named: the chart leaves out what its bootstrap does not manage.
    if (flags.template) {
      checks.push({
        name: `index template ${flags.template}`,
        run: () => exists(client, `/_index_template/${flags.template}`),
      });
    }
    if (flags.policy) {
      checks.push({
        name: `ISM policy ${flags.policy}`,
        run: () => exists(client, `/_plugins/_ism/policies/${flags.policy}`),
      });
    }
    if (flags.writerRole) {
      checks.push({
        name: `role mapping ${flags.writerRole}`,
        run: () => exists(client, `/_plugins/_security/api/rolesmapping/${flags.writerRole}`),
      });
    }
    let failed = 0;
    try {
      for (const check of checks) {
        try {
          const detail = await check.run();
          process.stdout.write(`ok    ${check.name}${detail ? `: ${detail}` : ''}\n`);
        } catch (error) {
          failed += 1;
          process.stdout.write(`FAIL  ${check.name}: ${(error as Error).message}\n`);
        }
      }
    } finally {
      await client.close();
    }
    process.stdout.write(failed === 0 ? 'all checks passed\n' : `${failed} of ${checks.length} checks failed\n`);
    if (failed > 0) process.exitCode = 1;
  });
}

async function callService(serviceUrl: string, requestId: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/tasks', serviceUrl), {
      headers: { 'x-request-id': requestId },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new Error(`no answer: ${cause ?? (error as Error).message}`);
  }
  if (response.status >= 500) throw new Error(`answered ${response.status}`);
  return `answered ${response.status}`;
}

async function waitForLine(client: LogClient, requestId: string, timeoutMs: number): Promise<string> {
  const started = Date.now();
  const query = `${FIELDS.requestId}:"${requestId}"`;
  for (;;) {
    const found = await count(client, { query });
    if (found > 0) return `found after ${((Date.now() - started) / 1000).toFixed(1)}s`;
    if (Date.now() - started > timeoutMs) throw new Error(`not searchable within ${timeoutMs / 1000}s`);
    await sleep(2000);
  }
}

async function exists(client: LogClient, path: string): Promise<string> {
  try {
    await client.request({ method: 'GET', path });
  } catch (error) {
    if (error instanceof LogliftQueryError && /no handler found for uri/.test(error.message)) {
      throw new Error(`the API ${path} is not available on this cluster (is its plugin installed?)`);
    }
    if (error instanceof ClusterError && error.status === 404) throw new Error('not found');
    throw error;
  }
  return 'exists';
}
