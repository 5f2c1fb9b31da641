import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeRequest, testNode } from '../testing/testNode.js';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';

const node = testNode();
const suffix = randomBytes(4).toString('hex');
const index = `logger-dl-${suffix}`;
const deadLetterIndex = `logger-dl-${suffix}-deadletter`;
const admin = async (method: string, path: string) => (await nodeRequest(method, path)).body;
const dir = mkdtempSync(join(tmpdir(), 'loglift-dead-letter-'));

afterAll(async () => {
  await admin('DELETE', `/${index},${deadLetterIndex}`);
  rmSync(dir, { recursive: true, force: true });
});

describe('the dead letter against a real node', () => {
  const options = {
    url: node.url,
    index,
    username: node.username,
    password: node.password,
    ...(node.caFile ? { caFile: node.caFile } : {}),
    flushIntervalMs: 20,
    onWarning: () => {},
  };

  it('keeps a document OpenSearch refuses, with the reason, in a file and in a dead-letter index', async () => {
    const seed = new OpenSearchBulkWriter(options);
    seed.offer({ n: 1 }, 'seed');
    expect(await seed.close()).toMatchObject({ created: 1 });

    const file = join(dir, 'dead-letter.ndjson');
    const toFile = new OpenSearchBulkWriter({ ...options, deadLetter: { file } });
    toFile.offer({ n: 'not a number' }, 'refused-file');
    toFile.offer({ n: 2 }, 'stored');
    expect(await toFile.close()).toMatchObject({ created: 1, rejected: 1, deadLettered: 1 });
    const line = JSON.parse(readFileSync(file, 'utf8').trim());
    expect(line).toMatchObject({ id: 'refused-file', index, status: 400, source: '{"n":"not a number"}' });
    expect(line.reason).toMatch(/^mapper_parsing_exception: /);

    const toIndex = new OpenSearchBulkWriter({ ...options, deadLetter: { index: deadLetterIndex } });
    toIndex.offer({ n: 'still not a number' }, 'refused-index');
    expect(await toIndex.close()).toMatchObject({ rejected: 1, deadLettered: 1 });
    await admin('POST', `/${deadLetterIndex}/_refresh`);
    const found = await admin('GET', `/${deadLetterIndex}/_doc/refused-index`);
    expect(found._source).toMatchObject({
      level: 'error',
      error: { type: 'mapper_parsing_exception', code: '400' },
      deadletter: { index, id: 'refused-index', status: 400, source: '{"n":"still not a number"}' },
    });
  });
});
