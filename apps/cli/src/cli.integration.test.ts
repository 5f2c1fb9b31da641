import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogClient } from '@loglift/query';
import { bulkCreate, createTestDataStream, names, SEED_DOCUMENTS, type TestDataStream } from '@loglift/query/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogClient, nodeEnv, runBundle, testNode } from './testing/runBundle.js';

let admin: LogClient;
let stream: TestDataStream;
let env: Record<string, string>;
const SINCE = ['--from', '2024-05-01T00:00:00Z', '--timezone', 'UTC'];

beforeAll(async () => {
  admin = adminLogClient();
  stream = await createTestDataStream(admin, 'cli');
  await bulkCreate(admin, stream.name, SEED_DOCUMENTS);
  env = nodeEnv(stream.name);
});

afterAll(async () => {
  await stream?.remove();
  await admin?.close();
});

const ndjson = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ source: JSON.parse(line) as unknown }));

describe('loglift query', () => {
  it('prints ndjson newest first with DQL and filters', async () => {
    const result = await runBundle(['query', 'app.level:(error or fatal)', ...SINCE, '-o', 'ndjson'], { env });
    expect(result.code).toBe(0);
    expect(names(ndjson(result.stdout))).toEqual(['d5', 'd4', 'd2']);
  });

  it('prints a JSON array oldest first with --forward, --limit and -n', async () => {
    const result = await runBundle(['query', ...SINCE, '-n', 'shop', '--forward', '--limit', '2', '-o', 'json'], {
      env,
    });
    expect(result.code).toBe(0);
    const documents = JSON.parse(result.stdout) as unknown[];
    expect(names(documents.map((source) => ({ source })))).toEqual(['d1', 'd2']);
  });

  it('prints pretty lines with level, place, message, key fields and the stack trace indented', async () => {
    const result = await runBundle(['query', 'app.http.request.id:d2', ...SINCE], { env });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '2024-05-01T10:02:00.000Z shop/api-7d9f-abc/app ERROR connection refused by upstream service=api status=502 error=Error request_id=d2',
    );
    expect(lines.slice(1)).toEqual(['    Error: connect', '        at a.js:1', '        at b.js:2']);
  });

  it('prints times in --timezone', async () => {
    const result = await runBundle(
      ['query', 'app.http.request.id:d1', ...SINCE.slice(0, 2), '--timezone', 'Asia/Kolkata'],
      {
        env,
      },
    );
    expect(result.stdout.split(' ')[0]).toBe('2024-05-01T15:31:00.000+05:30');
  });

  it('prints raw messages, and only --fields in pretty', async () => {
    const raw = await runBundle(['query', ...SINCE, '--pod', 'nginx-*', '-o', 'raw'], { env });
    expect(raw.stdout).toBe('plain text line from nginx\n');
    const fields = await runBundle(
      ['query', 'app.http.request.id:d3', ...SINCE, '--fields', 'app.http.server.duration_ms'],
      {
        env,
      },
    );
    expect(fields.stdout.trim()).toMatch(/WARN {2}slow request app.http.server.duration_ms=950$/);
  });

  it('colours levels with --color always', async () => {
    const result = await runBundle(['query', 'app.http.request.id:d2', ...SINCE, '--color', 'always'], { env });
    expect(result.stdout).toContain('\u001b[31mERROR\u001b[39m');
  });
});

describe('loglift export, stats and fields', () => {
  it('exports every document in time order as ndjson', async () => {
    const result = await runBundle(['export', ...SINCE, '--page-size', '3'], { env });
    expect(result.code).toBe(0);
    expect(names(ndjson(result.stdout))).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8']);
    expect(result.stderr).toBe('');
  });

  it('prints stats as JSON and as text', async () => {
    const json = await runBundle(
      ['stats', '--from', '2024-05-01T10:00:00Z', '--to', '2024-05-01T10:10:00Z', '-o', 'json'],
      {
        env,
      },
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ total: 8, errors: 3, interval: '10s' });
    const text = await runBundle(
      ['stats', '--from', '2024-05-01T10:00:00Z', '--to', '2024-05-01T10:10:00Z', '--interval', '5m'],
      {
        env,
      },
    );
    expect(text.stdout).toContain('total 8, errors 3, error rate 37.50%');
    // every document is in a column: the plain-text nginx line under "none"
    expect(text.stdout).toMatch(/time\s+total\s+trace\s+debug\s+info\s+warn\s+error\s+fatal\s+none/);
    expect(text.stdout).toMatch(/\s4\s+0\s+1\s+1\s+0\s+0\s+1\s+1\s/);
    expect(text.stdout).toMatch(/top pod by errors\n(\s+1\s+\d+\.\d\d%\s+\S+\n)*\s+1\s+100\.00%\s+payments-1\n/);
  });

  it('lists the typed fields the index has and the app keys of recent documents', async () => {
    const result = await runBundle(['fields', '-o', 'json'], { env });
    expect(result.code).toBe(0);
    const described = JSON.parse(result.stdout) as { fields: unknown[]; appKeys: unknown[] };
    expect(described.fields).toContainEqual(
      expect.objectContaining({ name: 'level', type: 'keyword', aggregatable: true }),
    );
    expect(described.fields).toContainEqual(
      expect.objectContaining({ name: 'http.server.duration_ms', type: 'double', aggregatable: true }),
    );
    expect(described.fields).toContainEqual(
      expect.objectContaining({ name: 'kubernetes.labels', type: 'flat_object' }),
    );
    expect(described.appKeys).toContainEqual({ name: 'app.order_id', documents: 1, valueTypes: ['number'] });
    const text = await runBundle(['fields'], { env });
    expect(text.stdout).toMatch(/^http\.response\.status_code\s+long\s+aggregatable/m);
    expect(text.stdout).toMatch(/^app\.order\.ref\s+string\s+in 1$/m);
    expect((await runBundle(['fields', '--sample', 'lots'], { env })).stderr).toContain(
      '--sample must be a whole number',
    );
  });

  it('reads the connection from a named context in the config file', async () => {
    const node = testNode();
    const dir = mkdtempSync(join(tmpdir(), 'loglift-config-'));
    const file = join(dir, 'config.yaml');
    writeFileSync(
      file,
      [
        'currentContext: other',
        'contexts:',
        '  other: { url: "http://127.0.0.1:1" }',
        '  test:',
        `    url: ${node.url}`,
        `    username: ${node.username}`,
        '    passwordEnv: TEST_OPENSEARCH_PASSWORD',
        `    caFile: ${node.caFile}`,
        `    index: ${stream.name}`,
      ].join('\n'),
    );
    const result = await runBundle(['query', 'app.http.request.id:d4', ...SINCE, '--context', 'test', '-o', 'raw'], {
      env: { LOGLIFT_CONFIG: file, TEST_OPENSEARCH_PASSWORD: node.password },
    });
    expect(result).toMatchObject({ code: 0, stdout: 'payment declined\n' });
    const missing = await runBundle(['fields', '--context', 'nope'], { env: { LOGLIFT_CONFIG: file } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no context "nope"');
  });
});

describe('bad input and failures', () => {
  it.each([
    [['query', 'status:[200 TO 299]'], 2, /Lucene syntax, not DQL; write "status >= 200 and status <= 299"/],
    [
      ['query', 'a:b c:d'],
      2,
      /expected "and", "or" or end of input but found ":" .* at position 6\n {2}a:b c:d\n {7}\^/,
    ],
    [['query', '--since', 'yesterday'], 2, /invalid --since "yesterday"/],
    [['query', '--from', 'now', '--to', 'now-1h'], 2, /time range is empty/],
    [['query', '-o', 'xml'], 2, /argument 'xml' is invalid. Allowed choices are pretty, json, ndjson, raw/],
    [['query', '--limit', '0'], 2, /--limit must be a whole number/],
    [['query', '--level', 'critical'], 2, /unknown level "critical"/],
    [['query', '--timezone', 'Mars/Olympus'], 2, /unknown time zone/],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
    [['query', '--url', 'http://127.0.0.1:1'], 1, /cannot reach OpenSearch at http:\/\/127\.0\.0\.1:1/],
    [['query', '--password', 'wrong-password'], 1, /authentication failed for user "admin"/],
  ])('loglift %j exits %i with a clear message', async (args, code, message) => {
    const result = await runBundle(args, { env });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('says when there is no URL at all', async () => {
    const result = await runBundle(['query']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no OpenSearch URL');
  });

  it('says when the index does not exist', async () => {
    const result = await runBundle(['query', '--index', `${stream.name}-nope`], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`index "${stream.name}-nope" does not exist`);
  });

  it('prints help with examples for every command', async () => {
    for (const command of ['query', 'tail', 'export', 'stats', 'fields', 'verify']) {
      const result = await runBundle([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).toContain(`loglift ${command}`);
    }
  });
});
