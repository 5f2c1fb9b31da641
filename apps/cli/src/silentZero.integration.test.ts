import type { LogClient } from '@loglift/query';
import { bulkCreate, createTestDataStream, type TestDataStream } from '@loglift/query/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogClient, nodeEnv, runBundle } from './testing/runBundle.js';

let admin: LogClient;
let stream: TestDataStream;
let env: Record<string, string>;
const SINCE = ['--from', '2024-06-01T00:00:00Z', '--timezone', 'UTC'];
const at = (second: number) => `2024-06-01T10:00:${String(second).padStart(2, '0')}.000Z`;
const pod = (name: string, second: number, extra: Record<string, unknown> = {}) => ({
  '@timestamp': at(second),
  stream: 'stdout',
  kubernetes: { namespace_name: 'loglift', pod_name: name, container_name: 'task-service', host: 'node-1' },
  ...extra,
});

beforeAll(async () => {
  admin = adminLogClient();
  stream = await createTestDataStream(admin, 'cli-zero');
  await bulkCreate(admin, stream.name, [
    pod('loglift-task-service-7d9f-abc', 1, { message: 'one', level: 'info' }),
    pod('loglift-task-service-7d9f-def', 2, { message: 'two', level: 'info' }),
    pod('loglift-task-service-canary-xyz', 3, { message: 'three', level: 'info' }),
    pod('traffic', 4, { message: 'four', level: 'info' }),
    // JSON record without a message: pretty shows its fields.
    pod('hostile-app-q2w', 5, { app: { user: { id: 7 }, level: { VALUE: 30 } } }),
  ]);
  env = nodeEnv(stream.name);
});

afterAll(async () => {
  await stream?.remove();
  await admin?.close();
});

const pods = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { kubernetes: { pod_name: string } }).kubernetes.pod_name)
    .sort();

describe('--pod, --exclude-pod, --container and --namespace match like stern', () => {
  it.each([
    [
      ['--pod', 'task-service'],
      ['loglift-task-service-7d9f-abc', 'loglift-task-service-7d9f-def', 'loglift-task-service-canary-xyz'],
    ],
    [
      ['--pod', '/^loglift-task/', '--exclude-pod', 'canary'],
      ['loglift-task-service-7d9f-abc', 'loglift-task-service-7d9f-def'],
    ],
    [
      ['--pod', '/7d9f-[a-z]+$/'],
      ['loglift-task-service-7d9f-abc', 'loglift-task-service-7d9f-def'],
    ],
    [['--pod', 'traffic*'], ['traffic']],
    [['--container', 'task', '--namespace', 'lift', '--pod', 'hostile'], ['hostile-app-q2w']],
  ])('%j', async (flags, expected) => {
    const result = await runBundle(['query', ...SINCE, ...flags, '-o', 'ndjson'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(pods(result.stdout)).toEqual(expected);
  });

  it('says so in --help', async () => {
    const result = await runBundle(['query', '--help']);
    expect(result.stdout).toContain('--exclude-pod');
    expect(result.stdout).toContain('pod name containing this text');
  });
});

describe('warnings instead of silent zeros', () => {
  it('warns about a field the index does not have, and exits 0', async () => {
    const result = await runBundle(['query', 'no_such_field:x', ...SINCE], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `loglift: warning: ${stream.name} has no field "no_such_field", so it matches nothing`,
    );
  });

  it('warns about a value ending in and/or/not but keeps its DQL meaning', async () => {
    const result = await runBundle(['query', 'kubernetes.pod_name:traffic and', ...SINCE, '-o', 'ndjson'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('searches for the value "traffic and"');
    const meant = await runBundle(['query', 'kubernetes.pod_name:traffic', ...SINCE, '-o', 'ndjson'], { env });
    expect(pods(meant.stdout)).toEqual(['traffic']);
  });

  it('gives no warning for fields the index has', async () => {
    const result = await runBundle(['query', 'kubernetes.pod_name:traffic', ...SINCE], { env });
    expect(result.stderr).not.toContain('warning');
  });
});

describe('pretty output of records without a message', () => {
  it('prints the app fields, never an object level', async () => {
    const result = await runBundle(['query', ...SINCE, '--pod', 'hostile'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('2024-06-01T10:00:05.000Z loglift/hostile-app-q2w/task-service user.id=7');
    expect(result.stdout).not.toContain('VALUE');
  });
});
