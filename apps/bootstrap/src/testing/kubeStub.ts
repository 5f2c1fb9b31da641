import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { coreApi } from '../kube/kubeApi.js';

/**
 * Test helper: a loopback Kubernetes API server with just ServiceAccount GET and Event POST,
 * answering like the real one (Status objects on errors, the created object on 201).
 */
export interface KubeStub {
  readonly url: string;
  /** namespace/name -> annotations */
  readonly serviceAccounts: Map<string, Record<string, string>>;
  readonly events: Record<string, unknown>[];
  /** Status code for Event creation, e.g. 403 to simulate missing RBAC. */
  eventStatus: number;
  api(): CoreV1Api;
  close(): Promise<void>;
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code }));
}

export async function startKubeStub(): Promise<KubeStub> {
  const serviceAccounts = new Map<string, Record<string, string>>();
  const events: Record<string, unknown>[] = [];
  const stub = { eventStatus: 201 } as { eventStatus: number };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const account = /^\/api\/v1\/namespaces\/([^/]+)\/serviceaccounts\/([^/]+)$/.exec(path);
    if (account && req.method === 'GET') {
      const [, namespace = '', name = ''] = account;
      const annotations = serviceAccounts.get(`${namespace}/${name}`);
      if (!annotations) return status(res, 404, 'NotFound', `serviceaccounts "${name}" not found`);
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, annotations } }),
      );
    }
    const eventPath = /^\/api\/v1\/namespaces\/([^/]+)\/events$/.exec(path);
    if (eventPath && req.method === 'POST') {
      if (stub.eventStatus !== 201) return status(res, stub.eventStatus, 'Forbidden', 'events is forbidden');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      events.push(body);
      res.writeHead(201, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(body));
    }
    status(res, 404, 'NotFound', `no route for ${req.method} ${path}`);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => status(res, 500, 'InternalError', (error as Error).message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(stub, {
    url,
    serviceAccounts,
    events,
    api: () => {
      const config = new KubeConfig();
      config.loadFromOptions({
        clusters: [{ name: 'stub', server: url, skipTLSVerify: true }],
        users: [{ name: 'stub', token: 'stub-token' }],
        contexts: [{ name: 'stub', cluster: 'stub', user: 'stub' }],
        currentContext: 'stub',
      });
      return coreApi(config);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
