import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { expectedDocument, liftCases } from '@loglift/log-schema/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../createLogger.js';
import { flushLogger } from '../flushLogger.js';
import { openSearchDestination } from './openSearchDestination.js';
import { replaceDots, toDocument } from './toDocument.js';
import openSearchTransport from './transport.js';

/** Loopback `_bulk` that stores every document it gets and answers 201 for each. */
async function storeStub() {
  const documents: Record<string, unknown>[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    const docs = lines.filter((_, i) => i % 2 === 1).map((line) => JSON.parse(line));
    documents.push(...docs);
    res.end(JSON.stringify({ errors: false, items: docs.map(() => ({ create: { status: 201 } })) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    documents,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('toDocument', () => {
  it('stores the record under app and lifts the contract fields to the root, like the chart', () => {
    const doc = toDocument(
      { level: 'info', time: '2026-01-02T03:04:05.678Z', message: 'hi', 'order.id': 7 },
      { kubernetes: { pod_name: 'vm-1', namespace_name: 'batch', labels: { 'app.kubernetes.io/name': 'billing' } } },
    );
    expect(doc).toEqual({
      '@timestamp': '2026-01-02T03:04:05.678Z',
      time: '2026-01-02T03:04:05.678Z',
      stream: 'stdout',
      level: 'info',
      message: 'hi',
      app: { level: 'info', time: '2026-01-02T03:04:05.678Z', message: 'hi', order_id: 7 },
      kubernetes: { pod_name: 'vm-1', namespace_name: 'batch', labels: { 'app_kubernetes_io/name': 'billing' } },
      labels: { app_kubernetes_io_name: 'billing' },
      service: { name: 'billing', name_source: 'label:app.kubernetes.io/name' },
    });
  });

  it('uses the current time when the record has no usable time', () => {
    const before = Date.now();
    const doc = toDocument({ time: 'yesterday' });
    expect(Date.parse(doc['@timestamp'] as string)).toBeGreaterThanOrEqual(before - 1);
    expect(doc.app).toEqual({ time: 'yesterday' });
    expect(replaceDots([{ 'a.b': { 'c.d': 1 } }])).toEqual([{ a_b: { c_d: 1 } }]);
  });

  it('keeps a line that is not JSON as the message, with its level read from the text', () => {
    const doc = toDocument('WARN cache is cold', { stream: 'stderr' });
    expect(doc).toMatchObject({ message: 'WARN cache is cold', level: 'warn', stream: 'stderr' });
    expect(doc).not.toHaveProperty('app');
  });

  it('stores every case of the lift table exactly as the lift does', () => {
    for (const liftCase of liftCases) {
      const app = liftCase.record.app as Record<string, unknown> | undefined;
      if (app === undefined) continue;
      const doc = toDocument(app, { replaceDots: false });
      const expected = expectedDocument(liftCase);
      expect(doc.level, liftCase.name).toEqual(expected.level);
      expect(doc.message, liftCase.name).toEqual(expected.message);
      expect(doc.http, liftCase.name).toEqual(expected.http);
      expect(doc.error, liftCase.name).toEqual(expected.error);
    }
  });
});

describe('openSearchDestination', () => {
  it('ships every line of a logger and delivers them on flushLogger', async () => {
    const stub = await storeStub();
    cleanup.push(stub.close);
    const destination = openSearchDestination({ url: stub.url, index: 'logs-app', kubernetes: { host: 'vm-1' } });
    cleanup.push(() => destination.close());
    const logger = createLogger({ service: { name: 'billing' }, destination, handleExit: false });
    logger.info({ invoice: { id: 'inv-1' } }, 'invoice sent');
    logger.error(new TypeError('boom'), 'failed');
    await flushLogger(logger);
    expect(stub.documents.map((doc) => (doc.app as { message: string }).message)).toEqual(['invoice sent', 'failed']);
    expect(stub.documents[1]).toMatchObject({
      kubernetes: { host: 'vm-1' },
      app: { level: 'error', service: { name: 'billing' }, error: { type: 'TypeError', message: 'boom' } },
    });
    expect(destination.writer.stats()).toMatchObject({ created: 2, dropped: 0 });
  });

  it('keeps a line that is not JSON as its message', async () => {
    const stub = await storeStub();
    cleanup.push(stub.close);
    const destination = openSearchDestination({ url: stub.url });
    destination.write('plain words\n');
    await destination.close();
    expect(stub.documents[0]).toMatchObject({ message: 'plain words', stream: 'stdout' });
    expect(stub.documents[0]).not.toHaveProperty('app');
  });
});

describe('pino transport', () => {
  it('writes the records it reads and delivers them when closed', async () => {
    const stub = await storeStub();
    cleanup.push(stub.close);
    const stream = await openSearchTransport({ url: stub.url, index: 'logs-app', stream: 'stderr' });
    const lines = [
      { level: 'info', time: '2026-01-02T03:04:05.000Z', message: 'one' },
      { level: 'warn', time: '2026-01-02T03:04:06.000Z', message: 'two' },
    ];
    Readable.from(lines.map((line) => `${JSON.stringify(line)}\n`)).pipe(stream);
    await once(stream, 'close');
    expect(stub.documents).toEqual(
      lines.map((line) => ({
        '@timestamp': line.time,
        time: line.time,
        level: line.level,
        message: line.message,
        stream: 'stderr',
        app: line,
      })),
    );
  });
});
