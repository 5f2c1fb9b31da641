import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasSignedPayloadHash, signedService } from './serverlessStub.js';

/**
 * Test helper: a loopback stand-in for OpenSearch Dashboards that enforces the documented rules
 * the bootstrap relies on: 503 from /api/status while starting, 400 on writes without `osd-xsrf`,
 * saved objects stored per `securitytenant`, 409 when creating an existing id without
 * `overwrite=true`, advanced settings per tenant, and `_import` taking a multipart `.ndjson` file
 * and answering with a `success` flag.
 */
export interface DashboardsStubOptions {
  /** How many /api/status calls answer 503 before it turns green. */
  readonly startingCalls?: number;
  /** The `status.overall` it answers once started (default `{ state: 'green' }`). */
  readonly overall?: Record<string, string>;
  /** When set, every request must carry this basic auth. */
  readonly basicAuth?: { username: string; password: string };
  /** When set, every request must be SigV4-signed for this service with a signed payload hash. */
  readonly sigv4Service?: 'es' | 'aoss';
}

export interface StubRequest {
  readonly method: string;
  readonly path: string;
  readonly tenant: string;
  readonly headers: IncomingMessage['headers'];
}

interface StoredObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  version: string;
}

export interface DashboardsStub {
  readonly url: string;
  readonly requests: StubRequest[];
  /** tenant -> "type/id" -> object */
  readonly objects: Map<string, Map<string, StoredObject>>;
  readonly settings: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function errorBody(status: number, message: string) {
  const error = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    415: 'Unsupported Media Type',
    503: 'Service Unavailable',
  }[status];
  return { statusCode: status, error: error ?? 'Error', message };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDashboardsStub(options: DashboardsStubOptions = {}): Promise<DashboardsStub> {
  let startingCalls = options.startingCalls ?? 0;
  const requests: StubRequest[] = [];
  const objects = new Map<string, Map<string, StoredObject>>();
  const settings = new Map<string, Record<string, unknown>>();
  let version = 0;
  const tenantStore = (tenant: string) => {
    const store = objects.get(tenant) ?? new Map<string, StoredObject>();
    objects.set(tenant, store);
    return store;
  };
  const save = (tenant: string, type: string, id: string, attributes: Record<string, unknown>): StoredObject => {
    version += 1;
    const stored = { id, type, attributes, version: `W/${version}` };
    tenantStore(tenant).set(`${type}/${id}`, stored);
    return stored;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const method = req.method ?? 'GET';
    const header = req.headers.securitytenant;
    const tenant = typeof header === 'string' && header !== '' ? header : 'global';
    requests.push({ method, path: url.pathname, tenant, headers: req.headers });
    if (options.basicAuth) {
      const expected = `Basic ${Buffer.from(`${options.basicAuth.username}:${options.basicAuth.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return send(res, 401, errorBody(401, 'Unauthorized'));
    }
    const body = await readBody(req);
    if (
      options.sigv4Service &&
      (signedService(req.headers.authorization) !== options.sigv4Service || !hasSignedPayloadHash(req.headers, body))
    ) {
      return send(res, 403, errorBody(403, 'The request signature we calculated does not match'));
    }
    if (url.pathname === '/api/status') {
      if (startingCalls > 0) {
        startingCalls -= 1;
        return send(res, 503, errorBody(503, 'OpenSearch Dashboards server is not ready yet'));
      }
      return send(res, 200, { name: 'stub', status: { overall: options.overall ?? { state: 'green' } } });
    }
    if (method !== 'GET' && method !== 'HEAD' && req.headers['osd-xsrf'] === undefined) {
      return send(res, 400, errorBody(400, 'Request must contain a osd-xsrf header.'));
    }
    if (url.pathname === '/api/opensearch-dashboards/settings') {
      const current = settings.get(tenant) ?? {};
      if (method === 'POST') {
        const changes = (JSON.parse(body.toString('utf8')) as { changes?: Record<string, unknown> }).changes ?? {};
        Object.assign(current, changes);
        settings.set(tenant, current);
      }
      const out = Object.fromEntries(Object.entries(current).map(([key, value]) => [key, { userValue: value }]));
      return send(res, 200, { settings: { buildNum: { readonly: true, value: 1 }, ...out } });
    }
    if (url.pathname === '/api/saved_objects/_import' && method === 'POST') {
      return handleImport(req, res, body, tenant, url.searchParams.get('overwrite') === 'true');
    }
    const match = /^\/api\/saved_objects\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (match) {
      const [, type = '', id = ''] = match.map(decodeURIComponent);
      const existing = tenantStore(tenant).get(`${type}/${id}`);
      if (method === 'GET')
        return existing
          ? send(res, 200, existing)
          : send(res, 404, errorBody(404, `Saved object [${type}/${id}] not found`));
      if (method === 'POST') {
        if (existing && url.searchParams.get('overwrite') !== 'true') {
          return send(res, 409, errorBody(409, `Saved object [${type}/${id}] conflict`));
        }
        const { attributes } = JSON.parse(body.toString('utf8')) as { attributes?: Record<string, unknown> };
        if (!attributes)
          return send(res, 400, errorBody(400, '[request body.attributes]: expected value of type [object]'));
        return send(res, 200, save(tenant, type, id, attributes));
      }
    }
    send(res, 404, errorBody(404, 'Not Found'));
  }

  async function handleImport(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    tenant: string,
    overwrite: boolean,
  ) {
    const contentType = req.headers['content-type'] ?? '';
    if (!contentType.startsWith('multipart/form-data')) return send(res, 415, errorBody(415, 'Unsupported Media Type'));
    const form = await new Request('http://stub/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
    const file = form.get('file');
    if (!(file instanceof Blob) || !('name' in file) || !String(file.name).endsWith('.ndjson')) {
      return send(res, 400, errorBody(400, 'Invalid file extension .txt'));
    }
    const lines = (await file.text()).split('\n').filter((line) => line.trim() !== '');
    const errors: unknown[] = [];
    const accepted: { id: string; type: string; attributes: Record<string, unknown> }[] = [];
    for (const line of lines) {
      const object = JSON.parse(line) as { id?: string; type?: string; attributes?: Record<string, unknown> };
      if (!object.id || !object.type) continue;
      if (!overwrite && tenantStore(tenant).has(`${object.type}/${object.id}`)) {
        errors.push({ id: object.id, type: object.type, error: { type: 'conflict' } });
      } else accepted.push({ id: object.id, type: object.type, attributes: object.attributes ?? {} });
    }
    // Like Dashboards, a conflicted import answers 200 with success false.
    if (errors.length > 0) return send(res, 200, { success: false, successCount: 0, errors });
    for (const object of accepted) save(tenant, object.type, object.id, object.attributes);
    return send(res, 200, { success: true, successCount: accepted.length });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, errorBody(500, (error as Error).message)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    objects,
    settings,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
