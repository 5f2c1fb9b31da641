import { randomBytes } from 'node:crypto';
import { OpenSearchBulkWriter } from '@loglift/logger/opensearch';
import { testNode } from '@loglift/opensearch-testbed/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './freePort.js';
import { countDocuments, openSearchRequest } from './openSearchHttp.js';
import { TcpProxy } from './tcpProxy.js';
import { waitFor } from './waitFor.js';

const connection = testNode();
const index = `e2e-outage-${randomBytes(4).toString('hex')}`;
// Fluent Bit's former retry_limit: a chunk was given up after 5 failed retries.
const OLD_RETRY_BUDGET = 5;
let proxy: TcpProxy | undefined;

afterAll(async () => {
  await proxy?.stop();
  await openSearchRequest(connection, 'DELETE', `/${index}`);
});

describe('@loglift/logger/opensearch through a cut connection', () => {
  it('loses nothing when OpenSearch is unreachable for far longer than the old retry budget', async () => {
    const node = new URL(connection.url);
    proxy = new TcpProxy(await freePort(), node.hostname, Number(node.port));
    await proxy.start();
    const failures: string[] = [];
    // Retry timing scaled down (ms instead of seconds) so the cut spans many retries in little time.
    const writer = new OpenSearchBulkWriter({
      url: `${node.protocol}//${node.hostname}:${proxy.port}`,
      index,
      username: connection.username,
      password: connection.password,
      ...(connection.caFile ? { caFile: connection.caFile } : {}),
      flushIntervalMs: 20,
      retryInitialMs: 10,
      retryMaxMs: 50,
      requestTimeoutMs: 5_000,
      onWarning: (message) => {
        if (message.includes('_bulk request failed')) failures.push(message);
      },
    });
    for (let i = 0; i < 50; i += 1) writer.offer({ '@timestamp': new Date().toISOString(), n: i });
    await writer.flush();
    expect(writer.stats()).toMatchObject({ created: 50 });

    await proxy.stop();
    for (let i = 50; i < 200; i += 1) writer.offer({ '@timestamp': new Date().toISOString(), n: i });
    // Wait until the writer has failed four times as often as the old budget allowed.
    await waitFor(
      async () => (failures.length >= 4 * OLD_RETRY_BUDGET ? true : undefined),
      60_000,
      () => `only ${failures.length} failed attempts while the proxy was stopped`,
      20,
    );
    expect(writer.stats()).toMatchObject({ created: 50, failed: 0, queued: 150 });
    await proxy.start();

    await writer.flush();
    const stats = await writer.close();
    expect(stats).toMatchObject({ accepted: 200, created: 200, failed: 0, dropped: 0, rejected: 0 });
    await openSearchRequest(connection, 'POST', `/${index}/_refresh`);
    expect(await countDocuments(connection, index, { match_all: {} })).toBe(200);
  }, 120_000);
});
