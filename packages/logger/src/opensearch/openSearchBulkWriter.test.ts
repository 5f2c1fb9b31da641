import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkStub, ok } from '../testing/bulkStub.js';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';
import type { OpenSearchWriterOptions } from './writerOptions.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function writer(options: OpenSearchWriterOptions, warnings: string[] = []) {
  const instance = new OpenSearchBulkWriter({
    flushIntervalMs: 20,
    retryInitialMs: 10,
    retryMaxMs: 40,
    onWarning: (message) => warnings.push(message),
    ...options,
  });
  cleanup.push(() => instance.close());
  return instance;
}

describe('OpenSearchBulkWriter', () => {
  it('batches documents into one _bulk request of create actions with ids and basic auth', async () => {
    const stub = await bulkStub();
    cleanup.push(stub.close);
    const w = writer({ url: stub.url, index: 'logs-test', username: 'writer', password: 'secret' });
    for (let i = 0; i < 3; i += 1) w.offer({ '@timestamp': '2026-01-01T00:00:00.000Z', n: i }, `id-${i}`);
    await w.flush();
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]?.actions).toEqual([0, 1, 2].map((i) => ({ create: { _index: 'logs-test', _id: `id-${i}` } })));
    expect(stub.calls[0]?.documents.map((d) => d.n)).toEqual([0, 1, 2]);
    expect(stub.calls[0]?.authorization).toBe(`Basic ${Buffer.from('writer:secret').toString('base64')}`);
    expect(w.stats()).toMatchObject({ accepted: 3, created: 3, queued: 0 });
  });

  it('splits at batchRecords', async () => {
    const stub = await bulkStub();
    cleanup.push(stub.close);
    const w = writer({ url: stub.url, batchRecords: 2 });
    for (let i = 0; i < 5; i += 1) w.offer({ n: i });
    await w.flush();
    expect(stub.calls.map((call) => call.documents.length)).toEqual([2, 2, 1]);
  });

  it('retries 503 answers with the same ids until they succeed', async () => {
    let failures = 2;
    const stub = await bulkStub((call) => (failures-- > 0 ? { status: 503 } : ok(call.actions.map(() => 201))));
    cleanup.push(stub.close);
    const w = writer({ url: stub.url });
    w.offer({ n: 1 });
    w.offer({ n: 2 });
    await w.flush();
    expect(stub.calls).toHaveLength(3);
    const ids = stub.calls.map((call) => call.actions.map((a) => a.create._id).join());
    expect(new Set(ids).size).toBe(1);
    expect(w.stats()).toMatchObject({ created: 2, retries: 4 });
  });

  it('counts 409 as delivered, reports other item errors and resends only 429 items', async () => {
    const stub = await bulkStub((call) =>
      call.actions.length === 4 ? ok([201, 409, 400, 429]) : ok(call.actions.map(() => 201)),
    );
    cleanup.push(stub.close);
    const warnings: string[] = [];
    const w = writer({ url: stub.url }, warnings);
    for (let i = 0; i < 4; i += 1) w.offer({ n: i }, `doc-${i}`);
    await w.flush();
    expect(stub.calls[1]?.actions.map((a) => a.create._id)).toEqual(['doc-3']);
    expect(w.stats()).toMatchObject({ created: 2, duplicates: 1, rejected: 1 });
    expect(warnings.some((w) => w.includes('refused (400) mapper_parsing_exception'))).toBe(true);
  });

  it('retries connection errors until the server is there', async () => {
    const stub = await bulkStub();
    const url = stub.url;
    await stub.close();
    const warnings: string[] = [];
    const w = writer({ url }, warnings);
    w.offer({ n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warnings.some((m) => m.includes('ECONNREFUSED'))).toBe(true);
    const port = Number(new URL(url).port);
    const revived = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end(JSON.stringify(ok([201]).body)));
    }).listen(port, '127.0.0.1');
    cleanup.push(() => new Promise((resolve) => revived.close(resolve)));
    await w.flush();
    expect(w.stats()).toMatchObject({ created: 1, failed: 0 });
  });

  it('drops and counts documents beyond maxQueueRecords while OpenSearch stalls', async () => {
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stub = await bulkStub(async (call) => {
      await stalled;
      return ok(call.actions.map(() => 201));
    });
    cleanup.push(stub.close);
    const warnings: string[] = [];
    const w = writer({ url: stub.url, maxQueueRecords: 5 }, warnings);
    const accepted = Array.from({ length: 20 }, (_, n) => w.offer({ n })).filter(Boolean).length;
    expect(accepted).toBe(5);
    expect(w.stats()).toMatchObject({ dropped: 15, queued: 5 });
    expect(warnings.filter((m) => m.includes('dropped'))).toHaveLength(1);
    release();
    await w.flush();
    expect(w.stats()).toMatchObject({ created: 5, dropped: 15 });
  });

  it('makes write() wait for room with whenFull block', async () => {
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stub = await bulkStub(async (call) => {
      await stalled;
      return ok(call.actions.map(() => 201));
    });
    cleanup.push(stub.close);
    const w = writer({ url: stub.url, maxQueueRecords: 2, whenFull: 'block' });
    await w.write({ n: 1 });
    await w.write({ n: 2 });
    let third = false;
    const pending = w.write({ n: 3 }).then(() => {
      third = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(third).toBe(false);
    release();
    await pending;
    await w.flush();
    expect(w.stats()).toMatchObject({ created: 3, dropped: 0 });
  });

  it('bounds memory by bytes too', async () => {
    const stub = await bulkStub(() => new Promise(() => undefined));
    cleanup.push(async () => undefined);
    const w = new OpenSearchBulkWriter({ url: stub.url, maxQueueBytes: 1000, closeTimeoutMs: 50, onWarning: () => {} });
    expect(w.offer({ text: 'x'.repeat(600) })).toBe(true);
    expect(w.offer({ text: 'x'.repeat(600) })).toBe(false);
    await w.close();
    expect(w.stats()).toMatchObject({ dropped: 1, failed: 1 });
    await stub.close().catch(() => undefined);
  });

  it('splits a batch answered with 413', async () => {
    const stub = await bulkStub((call) => (call.actions.length > 1 ? { status: 413 } : ok([201])));
    cleanup.push(stub.close);
    const w = writer({ url: stub.url });
    for (let i = 0; i < 4; i += 1) w.offer({ n: i });
    await w.flush();
    expect(w.stats()).toMatchObject({ created: 4, rejected: 0 });
  });

  it('delivers what is queued on close', async () => {
    const stub = await bulkStub();
    cleanup.push(stub.close);
    const warnings: string[] = [];
    const w = new OpenSearchBulkWriter({ url: stub.url, flushIntervalMs: 60_000, onWarning: (m) => warnings.push(m) });
    w.offer({ n: 1 });
    const stats = await w.close();
    expect(stats).toMatchObject({ created: 1, queued: 0 });
    expect(w.offer({ n: 2 })).toBe(false);
    expect(warnings).toEqual(['opensearch writer: queue full or closed, dropped 1 documents so far']);
  });

  it('rejects invalid options with the option named', () => {
    expect(() => new OpenSearchBulkWriter({ url: 'ftp://x' })).toThrow(/"url": expected http: or https:/);
    expect(() => new OpenSearchBulkWriter({ url: 'http://x', batchRecords: 0 })).toThrow(/"batchRecords"/);
    expect(() => new OpenSearchBulkWriter({ url: 'http://x', index: 'Bad Index' })).toThrow(/"index"/);
    expect(() => new OpenSearchBulkWriter({ url: 'http://x', username: 'u' })).toThrow(/"username"/);
  });
});
