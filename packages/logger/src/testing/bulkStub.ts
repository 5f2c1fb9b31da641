import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BulkCall {
  actions: { create: { _index: string; _id: string } }[];
  documents: Record<string, unknown>[];
  authorization: string | undefined;
}

export type Answer = (
  call: BulkCall,
) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

/** A loopback `_bulk` endpoint: records each call and answers with `answer` (default: all 201). */
export async function bulkStub(answer: Answer = (call) => ok(call.actions.map(() => 201))) {
  const calls: BulkCall[] = [];
  let current = answer;
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    const call: BulkCall = {
      actions: lines.filter((_, i) => i % 2 === 0).map((line) => JSON.parse(line)),
      documents: lines.filter((_, i) => i % 2 === 1).map((line) => JSON.parse(line)),
      authorization: req.headers.authorization,
    };
    calls.push(call);
    const { status, body } = await current(call);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    answer: (next: Answer) => {
      current = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function ok(statuses: number[]) {
  return {
    status: 200,
    body: {
      errors: statuses.some((s) => s >= 300),
      items: statuses.map((status) => ({
        create: { status, ...(status >= 300 ? { error: { type: 'mapper_parsing_exception', reason: 'bad' } } : {}) },
      })),
    },
  };
}
