import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, type Log, run } from './run.js';

async function configFile(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loglift-run-'));
  const file = join(dir, 'bootstrap.yaml');
  await writeFile(file, text);
  return file;
}

function capture() {
  const logs: { level: string; message: string; problems?: string[] }[] = [];
  const record = (level: string) => (object: object, message: string) => logs.push({ ...object, level, message });
  const log: Log = { info: record('info'), warn: record('warn'), error: record('error') };
  return { logs, log };
}

describe('run exit codes', () => {
  it('exits 2 and names each bad field for an invalid config', async () => {
    const file = await configFile('apiVersion: loglift.io/v2\nkind: BootstrapConfig\nopensearch: { url: nope }\n');
    const { logs, log } = capture();
    const code = await run(
      { command: 'plan', configFile: file, output: 'text' },
      { env: {}, log, stdout: () => undefined },
    );
    expect(code).toBe(EXIT.invalidConfig);
    expect(logs[0]?.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^apiVersion: /), expect.stringMatching(/^opensearch\.url: /)]),
    );
  });

  it('exits 2 naming the missing secret variable', async () => {
    const file = await configFile(
      'apiVersion: loglift.io/v1\nkind: BootstrapConfig\nopensearch: { url: "https://127.0.0.1:1" }\n',
    );
    const { logs, log } = capture();
    const code = await run(
      { command: 'apply', configFile: file, output: 'text' },
      { env: { LOGLIFT_ADMIN_USERNAME: 'a' }, log, stdout: () => undefined },
    );
    expect(code).toBe(EXIT.invalidConfig);
    expect(logs[0]?.problems).toEqual(['LOGLIFT_ADMIN_PASSWORD: must be set when opensearch.auth is basic']);
  });

  it('exits 2 before contacting anything when a saved-objects file has a bad line, naming file and line', async () => {
    const ndjson = await configFile('{"id":"a","type":"search","attributes":{}}\n{oops\n');
    const file = await configFile(
      `apiVersion: loglift.io/v1\nkind: BootstrapConfig\nopensearch: { url: "http://127.0.0.1:9", auth: none }\ndashboards: { url: "http://127.0.0.1:9", savedObjectsFiles: ["${ndjson}", "/nope.ndjson"] }\n`,
    );
    const { logs, log } = capture();
    const code = await run(
      { command: 'plan', configFile: file, output: 'text' },
      { env: {}, log, stdout: () => undefined },
    );
    expect(code).toBe(EXIT.invalidConfig);
    expect(logs[0]?.problems).toEqual([
      expect.stringMatching(new RegExp(`^dashboards\\.savedObjectsFiles\\.0: ${ndjson} line 2 is not JSON: `)),
      'dashboards.savedObjectsFiles.1: /nope.ndjson does not exist',
    ]);
  });

  it('exits 1 when OpenSearch never answers within the deadline', async () => {
    const file = await configFile(
      'apiVersion: loglift.io/v1\nkind: BootstrapConfig\nopensearch: { url: "http://127.0.0.1:9", auth: none, waitSeconds: 1 }\n',
    );
    const { log } = capture();
    let out = '';
    const code = await run(
      { command: 'plan', configFile: file, output: 'text' },
      { env: {}, log, stdout: (t) => (out += t) },
    );
    expect(code).toBe(EXIT.failed);
    expect(out).toMatch(/Failed: OpenSearch at http:\/\/127.0.0.1:9 did not answer within 1s/);
  });
});
