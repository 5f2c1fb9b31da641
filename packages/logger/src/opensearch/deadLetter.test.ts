import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkStub, ok } from '../testing/bulkStub.js';
import type { DeadLetterEntry } from './deadLetter.js';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';
import type { OpenSearchWriterOptions } from './writerOptions.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function writer(options: OpenSearchWriterOptions) {
  const instance = new OpenSearchBulkWriter({
    flushIntervalMs: 10,
    retryInitialMs: 5,
    retryMaxMs: 20,
    onWarning: () => {},
    ...options,
  });
  cleanup.push(() => instance.close());
  return instance;
}

describe('the dead letter', () => {
  it('gets each document refused for good, with its status and reason; 409 and 429 never go there', async () => {
    let call = 0;
    const stub = await bulkStub((c) => {
      call += 1;
      return call === 1 ? ok([201, 409, 400, 429, 403]) : ok(c.actions.map(() => 201));
    });
    cleanup.push(stub.close);
    const entries: DeadLetterEntry[] = [];
    const w = writer({ url: stub.url, index: 'logs-test', deadLetter: (batch) => void entries.push(...batch) });
    for (let i = 0; i < 5; i += 1) w.offer({ n: i }, `doc-${i}`);
    await w.flush();
    expect(entries.map((e) => [e.id, e.status])).toEqual([
      ['doc-2', 400],
      ['doc-4', 403],
    ]);
    expect(entries[0]).toMatchObject({
      index: 'logs-test',
      reason: 'mapper_parsing_exception: bad',
      source: JSON.stringify({ n: 2 }),
    });
    // The 429 item was sent again and stored; nothing else was resent.
    expect(stub.calls[1]?.actions.map((a) => a.create._id)).toEqual(['doc-3']);
    expect(w.stats()).toMatchObject({ created: 2, duplicates: 1, rejected: 2, deadLettered: 2, failed: 0 });
  });

  it('appends one JSON line per refused document to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loglift-dead-letter-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const stub = await bulkStub((c) => ok(c.actions.map(() => 400)));
    cleanup.push(stub.close);
    const file = join(dir, 'dead-letter.ndjson');
    const w = writer({ url: stub.url, deadLetter: { file } });
    w.offer({ a: 1 }, 'x');
    w.offer({ b: 2 }, 'y');
    await w.flush();
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.id, l.status, l.source])).toEqual([
      ['x', 400, '{"a":1}'],
      ['y', 400, '{"b":2}'],
    ]);
    expect(typeof lines[0].time).toBe('string');
  });

  it('writes refused documents to a dead-letter index with the reason, the original kept as text', async () => {
    const stub = await bulkStub((c) =>
      ok(c.actions.map((a) => (a.create._index === 'logs-loglift-deadletter' ? 201 : 400))),
    );
    cleanup.push(stub.close);
    const w = writer({ url: stub.url, deadLetter: { index: 'logs-loglift-deadletter' } });
    w.offer({ 'bad key': true }, 'doc-1');
    await w.close();
    const deadLetterCall = stub.calls.find((c) => c.actions[0]?.create._index === 'logs-loglift-deadletter');
    expect(deadLetterCall?.actions[0]?.create._id).toBe('doc-1');
    expect(deadLetterCall?.documents[0]).toMatchObject({
      level: 'error',
      message: 'document refused by OpenSearch (400): mapper_parsing_exception: bad',
      error: { type: 'mapper_parsing_exception', message: 'mapper_parsing_exception: bad', code: '400' },
      deadletter: { index: 'logs-loglift', id: 'doc-1', status: 400, source: '{"bad key":true}' },
    });
    expect(w.stats()).toMatchObject({ rejected: 1, deadLettered: 1 });
  });

  it('gets documents given up after the retry budget, with the last error', async () => {
    const stub = await bulkStub(() => ({ status: 503, body: { error: 'unavailable' } }));
    cleanup.push(stub.close);
    const entries: DeadLetterEntry[] = [];
    const w = writer({ url: stub.url, retryBudgetMs: 1, deadLetter: (batch) => void entries.push(...batch) });
    w.offer({ n: 1 }, 'late');
    await w.flush();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.reason).toMatch(/^gave up after retrying for \d+ ms; last: _bulk answered 503/);
    expect(w.stats()).toMatchObject({ failed: 1, deadLettered: 1, created: 0 });
  });

  it('refuses a dead-letter option of the wrong shape, naming it', () => {
    const url = 'http://127.0.0.1:9';
    expect(() => new OpenSearchBulkWriter({ url, deadLetter: { file: '' } })).toThrow(
      'Invalid OpenSearch writer option "deadLetter": file must be a non-empty path, got ""',
    );
    expect(() => new OpenSearchBulkWriter({ url, deadLetter: { index: 'Bad Index' } })).toThrow(
      'Invalid OpenSearch writer option "deadLetter": not a valid index name: "Bad Index"',
    );
    expect(() => new OpenSearchBulkWriter({ url, deadLetter: {} as never })).toThrow(
      'Invalid OpenSearch writer option "deadLetter": expected { file: <path> }, { index: <name> } or a function, got {}',
    );
    expect(() => new OpenSearchBulkWriter({ url, retryBudgetMs: 0 })).toThrow(
      'Invalid OpenSearch writer option "retryBudgetMs": expected a number above 0, got 0',
    );
  });
});
