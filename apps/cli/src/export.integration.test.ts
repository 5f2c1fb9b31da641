import type { LogClient } from '@loglift/query';
import { bulkCreate, createTestDataStream, type TestDataStream } from '@loglift/query/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogClient, nodeEnv, runBundle } from './testing/runBundle.js';

let admin: LogClient;
let stream: TestDataStream;
const TOTAL = 20_000;

beforeAll(async () => {
  admin = adminLogClient();
  stream = await createTestDataStream(admin, 'cliexport');
  const start = Date.parse('2024-05-01T00:00:00Z');
  await bulkCreate(
    admin,
    stream.name,
    Array.from({ length: TOTAL }, (_, n) => ({
      '@timestamp': new Date(start + n * 1000).toISOString(),
      app: { level: 'info', message: `line ${n}` },
    })),
  );
});

afterAll(async () => {
  await stream?.remove();
  await admin?.close();
});

const openPits = async () =>
  (await admin.request<{ pits?: unknown[] }>({ method: 'GET', path: '/_search/point_in_time/_all' })).pits ?? [];

describe('loglift export', () => {
  it('writes every document once, in order, to a pipe', async () => {
    const result = await runBundle(['export', '--from', '2024-05-01', '--timezone', 'UTC', '-o', 'raw'], {
      env: nodeEnv(stream.name),
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual(Array.from({ length: TOTAL }, (_, n) => `line ${n}`));
  });

  it('stops on Ctrl-C with exit code 130, says how far it got, and deletes the Point-in-Time', async () => {
    const before = (await openPits()).length;
    const result = await runBundle(['export', '--from', '2024-05-01', '--page-size', '50', '-o', 'raw'], {
      env: nodeEnv(stream.name),
      interruptWhen: (stdout) => stdout.length > 2000,
    });
    expect(result.code).toBe(130);
    const printed = result.stdout.split('\n').filter(Boolean).length;
    expect(printed).toBeLessThan(TOTAL);
    expect(result.stderr).toBe(`loglift: export interrupted after ${printed} documents\n`);
    expect((await openPits()).length).toBe(before);
  });
});
