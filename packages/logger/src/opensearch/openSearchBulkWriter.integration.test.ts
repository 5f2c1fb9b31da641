import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../createLogger.js';
import { flushLogger } from '../flushLogger.js';
import { nodeRequest, testNode } from '../testing/testNode.js';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';
import { openSearchDestination } from './openSearchDestination.js';

const node = testNode();
const admin = (method: string, path: string) => nodeRequest(method, path);
const index = `logger-writer-${randomBytes(4).toString('hex')}`;

const count = async () => {
  await admin('POST', `/${index}/_refresh`);
  return (await admin('GET', `/${index}/_count`)).body.count;
};

afterAll(async () => {
  await admin('DELETE', `/${index}`);
});

describe('OpenSearchBulkWriter against a real node', () => {
  const options = {
    url: node.url,
    index,
    username: node.username,
    password: node.password,
    ...(node.caFile ? { caFile: node.caFile } : {}),
    flushIntervalMs: 50,
  };

  it('stores documents once: a resend under the same ids is counted as duplicates', async () => {
    const first = new OpenSearchBulkWriter(options);
    for (let i = 0; i < 120; i += 1) first.offer({ '@timestamp': new Date().toISOString(), n: i }, `doc-${i}`);
    expect(await first.close()).toMatchObject({ created: 120, rejected: 0 });
    const again = new OpenSearchBulkWriter(options);
    for (let i = 0; i < 120; i += 1) again.offer({ '@timestamp': new Date().toISOString(), n: i }, `doc-${i}`);
    expect(await again.close()).toMatchObject({ created: 0, duplicates: 120 });
    expect(await count()).toBe(120);
  });

  it('reports a document OpenSearch refuses and stores the rest', async () => {
    const warnings: string[] = [];
    const writer = new OpenSearchBulkWriter({ ...options, onWarning: (message) => warnings.push(message) });
    writer.offer({ n: 'not a number' }, 'bad-type');
    writer.offer({ n: 1000 }, 'good');
    expect(await writer.close()).toMatchObject({ created: 1, rejected: 1 });
    expect(warnings.join('\n')).toMatch(/refused \(400\) mapper_parsing_exception/);
  });

  it('ships a logger through the destination with the verified TLS CA', async () => {
    const destination = openSearchDestination({ ...options, kubernetes: { host: 'vm-7' } });
    const logger = createLogger({ service: { name: 'integration' }, destination, handleExit: false });
    logger.info({ order: { id: 'o-1' } }, 'shipped directly');
    await flushLogger(logger);
    expect(await destination.close()).toMatchObject({ created: 1 });
    await admin('POST', `/${index}/_refresh`);
    const found = await admin('GET', `/${index}/_search?q=app.message:directly`);
    const hits = (found.body.hits as { hits: { _source: Record<string, unknown> }[] }).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]?._source).toMatchObject({ kubernetes: { host: 'vm-7' }, app: { service: { name: 'integration' } } });
  });
});
