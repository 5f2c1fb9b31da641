import type { LogClient } from '@loglift/query';
import { bulkCreate, createTestDataStream, type TestDataStream } from '@loglift/query/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogClient, nodeEnv, runBundle } from './testing/runBundle.js';

let admin: LogClient;
let stream: TestDataStream;

beforeAll(async () => {
  admin = adminLogClient();
  stream = await createTestDataStream(admin, 'clitail', { refresh_interval: '200ms' });
});

afterAll(async () => {
  await stream?.remove();
  await admin?.close();
});

const line = (message: string, offsetMs = 0) => ({
  '@timestamp': new Date(Date.now() + offsetMs).toISOString(),
  kubernetes: { namespace_name: 'tailns', pod_name: 'p-1', container_name: 'app' },
  app: { level: 'info', message },
});

describe('loglift tail', () => {
  it('prints the last --tail lines, then new ones, and exits 0 on Ctrl-C', async () => {
    await bulkCreate(admin, stream.name, [line('old 1', -30_000), line('old 2', -20_000), line('old 3', -10_000)]);
    let inserted: Promise<number> | undefined;
    const result = await runBundle(
      ['tail', '-n', 'tailns', '--tail', '2', '--delay', '0', '--poll-interval', '200', '-o', 'raw'],
      {
        env: nodeEnv(stream.name),
        interruptWhen: (stdout) => {
          const lines = stdout.split('\n').filter(Boolean);
          if (lines.length === 2 && !inserted) inserted = bulkCreate(admin, stream.name, [line('new 1')]);
          return lines.length >= 3;
        },
        timeoutMs: 30_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('old 2\nold 3\nnew 1\n');
  });
});
