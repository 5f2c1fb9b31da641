import { ROUTING_CASE_MAP, ROUTING_CASES } from '@loglift/log-schema/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkStub, ok } from '../testing/bulkStub.js';
import { openSearchDestination } from './openSearchDestination.js';
import { OpenSearchRoutedWriter } from './openSearchRoutedWriter.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const routing = { groups: ROUTING_CASE_MAP.groups };
const fast = { flushIntervalMs: 20, retryInitialMs: 10, retryMaxMs: 40, onWarning: () => undefined };

describe('OpenSearchRoutedWriter', () => {
  it("sends each namespace's documents to its group's stream, by the routing cases of log-schema", async () => {
    const stub = await bulkStub();
    cleanup.push(stub.close);
    const writer = new OpenSearchRoutedWriter({ url: stub.url, index: ROUTING_CASE_MAP.dataStream, routing, ...fast });
    cleanup.push(() => writer.close());
    for (const [n, { namespace }] of ROUTING_CASES.entries()) {
      writer.offer({ n, kubernetes: { namespace_name: namespace } }, `id-${n}`);
    }
    writer.offer({ n: -1 }, 'no-namespace');
    await writer.flush();
    const stored = new Map<string, string>();
    for (const call of stub.calls) {
      for (const action of call.actions) stored.set(action.create._id, action.create._index);
    }
    for (const [n, { dataStream }] of ROUTING_CASES.entries()) expect(stored.get(`id-${n}`)).toBe(dataStream);
    expect(stored.get('no-namespace')).toBe(ROUTING_CASE_MAP.dataStream);
    // one bulk writer per stream, each with its own queue and retries
    expect([...writer.streams().keys()].sort()).toEqual(
      [...new Set([ROUTING_CASE_MAP.dataStream, ...ROUTING_CASES.map((c) => c.dataStream)])].sort(),
    );
    expect(writer.stats()).toMatchObject({ accepted: ROUTING_CASES.length + 1, created: ROUTING_CASES.length + 1 });
  });

  it('retries one stream while the others deliver', async () => {
    let refused = 0;
    const stub = await bulkStub((call) => {
      if (call.actions[0]?.create._index === 'logs-loglift-payments' && refused < 2) {
        refused += 1;
        return { status: 503 };
      }
      return ok(call.actions.map(() => 201));
    });
    cleanup.push(stub.close);
    const writer = new OpenSearchRoutedWriter({ url: stub.url, index: 'logs-loglift', routing, ...fast });
    cleanup.push(() => writer.close());
    writer.offer({ kubernetes: { namespace_name: 'payments' } }, 'p');
    writer.offer({ kubernetes: { namespace_name: 'kube-system' } }, 'k');
    await writer.flush();
    expect(writer.streams().get('logs-loglift-payments')).toMatchObject({ created: 1, retries: 2 });
    expect(writer.streams().get('logs-loglift')).toMatchObject({ created: 1, retries: 0 });
  });

  it('refuses a routing map the chart would refuse, with its message', () => {
    expect(
      () =>
        new OpenSearchRoutedWriter({
          url: 'http://127.0.0.1:9',
          routing: {
            groups: [
              { name: 'a', namespaces: ['shop'] },
              { name: 'b', namespaces: ['shop'] },
            ],
          },
        }),
    ).toThrow(
      'Invalid OpenSearch writer option "routing": routing.groups: namespace "shop" is in groups "a" and "b"; a namespace belongs to one group',
    );
  });
});

describe('openSearchDestination with routing', () => {
  it("writes to the stream of the app's own namespace", async () => {
    const stub = await bulkStub();
    cleanup.push(stub.close);
    const destination = openSearchDestination({
      url: stub.url,
      routing,
      kubernetes: { namespace_name: 'billing-us' },
      ...fast,
    });
    cleanup.push(() => destination.close());
    destination.write('{"msg":"paid"}\n');
    await destination.writer.flush();
    expect(stub.calls[0]?.actions[0]?.create._index).toBe('logs-loglift-payments');
  });
});
