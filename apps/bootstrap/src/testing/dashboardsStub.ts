import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sortImport } from './dashboardsImport.js';
import { migrateObject } from './dashboardsMigrations.js';
import { resolveStubTenant, type StubTenancy, securityRoute, tenantKey } from './dashboardsTenancy.js';
import { hasSignedPayloadHash, signedService } from './serverlessStub.js';

/**
 * Test helper: a loopback stand-in for OpenSearch Dashboards that behaves like the real one where
 * the bootstrap can go wrong: every route answers 503 with plain text while starting; writes need
 * `osd-xsrf`; the security plugin resolves `securitytenant` silently to another tenant when the
 * requested one is not usable (dashboardsTenancy.ts) and reports it in `/api/v1/auth/authinfo`;
 * unknown saved-object types answer 400; create and `_import` run migrations, so what is stored
 * differs from what was sent (dashboardsMigrations.ts); `_import` imports the objects it can and
 * lists the others with per-object errors; a settings GET creates the `config` object when it is
 * missing; a setting overridden in opensearch_dashboards.yml cannot be changed (400).
 */
export interface DashboardsStubOptions {
  /** How many requests answer 503 (text, like the not-ready server) before it is up. */
  readonly startingCalls?: number;
  /** The `status.overall` it answers once started (default `{ state: 'green' }`). */
  readonly overall?: Record<string, string>;
  /** When set, every request must carry this basic auth. */
  readonly basicAuth?: { username: string; password: string };
  /** When set, every request must be SigV4-signed for this service with a signed payload hash. */
  readonly sigv4Service?: 'es' | 'aoss';
  /** The security plugin's tenancy; false: no security plugin (one shared index, no /api/v1 routes). */
  readonly security?: StubTenancy | false;
  /** `uiSettings.overrides` from opensearch_dashboards.yml. */
  readonly overrides?: Record<string, unknown>;
  /** Dashboards version: the id of its `config` object. */
  readonly version?: string;
}

export interface StubRequest {
  readonly method: string;
  readonly path: string;
  /** Where the request's objects went (global, private or a custom tenant). */
  readonly tenant: string;
  readonly headers: IncomingMessage['headers'];
}

export interface StoredObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
  migrationVersion: Record<string, string>;
  version: string;
  updated_at: string;
}

export interface DashboardsStub {
  readonly url: string;
  readonly version: string;
  readonly requests: StubRequest[];
  /** Every object the server stored, including side effects such as a created `config`. */
  readonly stored: { tenant: string; type: string; id: string }[];
  /** tenant -> "type/id" -> object */
  readonly objects: Map<string, Map<string, StoredObject>>;
  /** The advanced settings (the `config` object's attributes) of a tenant, if it has one. */
  config(tenant: string): Record<string, unknown> | undefined;
  /** Seeds a tenant's advanced settings the way a user's browser would have. */
  setConfig(tenant: string, attributes: Record<string, unknown>): void;
  close(): Promise<void>;
}

const KNOWN_TYPES = new Set(['index-pattern', 'search', 'visualization', 'dashboard', 'config', 'query', 'url']);
const BUILD_NUM = 8467;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function errorBody(status: number, message: string) {
  const error = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' }[
    status
  ];
  return { statusCode: status, error: error ?? 'Error', message };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Incoming {
  id?: string;
  type?: string;
  attributes?: Record<string, unknown>;
  references?: { name: string; type: string; id: string }[];
}

export async function startDashboardsStub(options: DashboardsStubOptions = {}): Promise<DashboardsStub> {
  let startingCalls = options.startingCalls ?? 0;
  const version = options.version ?? '2.19.0';
  const overrides = options.overrides ?? {};
  const requests: StubRequest[] = [];
  const stored: { tenant: string; type: string; id: string }[] = [];
  const objects = new Map<string, Map<string, StoredObject>>();
  let counter = 0;
  const tenantStore = (tenant: string) => {
    const store = objects.get(tenant) ?? new Map<string, StoredObject>();
    objects.set(tenant, store);
    return store;
  };
  const save = (tenant: string, type: string, id: string, incoming: Incoming): StoredObject => {
    counter += 1;
    const migrated = migrateObject(type, incoming.attributes ?? {}, incoming.references ?? []);
    const object = {
      id,
      type,
      ...migrated,
      version: `W/${counter}`,
      updated_at: new Date(counter * 1000).toISOString(),
    };
    tenantStore(tenant).set(`${type}/${id}`, object);
    stored.push({ tenant, type, id });
    return object;
  };
  const configOf = (tenant: string) => tenantStore(tenant).get(`config/${version}`);
  const ensureConfig = (tenant: string) =>
    configOf(tenant) ?? save(tenant, 'config', version, { attributes: { buildNum: BUILD_NUM } });
  const userSettings = (tenant: string) => {
    const out: Record<string, { userValue?: unknown; isOverridden?: boolean }> = {};
    for (const [key, value] of Object.entries(ensureConfig(tenant).attributes)) {
      if (value !== null && !(key in overrides)) out[key] = { userValue: value };
    }
    for (const [key, value] of Object.entries(overrides)) out[key] = { isOverridden: true, userValue: value };
    return out;
  };

  function resolveTenant(req: IncomingMessage): string {
    if (options.security === false) return 'global';
    const header = req.headers.securitytenant;
    return tenantKey(resolveStubTenant(options.security ?? {}, typeof header === 'string' ? header : undefined));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const method = req.method ?? 'GET';
    const tenant = resolveTenant(req);
    requests.push({ method, path: url.pathname, tenant, headers: req.headers });
    if (startingCalls > 0) {
      startingCalls -= 1;
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('OpenSearch Dashboards server is not ready yet');
      return;
    }
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
      const overall = options.overall ?? { state: 'green' };
      return send(res, 200, { name: 'stub', version: { number: version }, status: { overall } });
    }
    if (method !== 'GET' && method !== 'HEAD' && req.headers['osd-xsrf'] === undefined) {
      return send(res, 400, errorBody(400, 'Request must contain a osd-xsrf header.'));
    }
    const security = options.security;
    if (method === 'POST' && security && security.readOnly?.includes(tenant)) {
      return send(
        res,
        403,
        errorBody(403, `no permissions for [indices:data/write/index] and User [name=${security.username ?? 'admin'}]`),
      );
    }
    if (url.pathname.startsWith('/api/v1/')) return handleSecurity(req, res, url.pathname, tenant);
    if (url.pathname === '/api/opensearch-dashboards/settings') {
      if (method === 'POST') {
        const changes = (JSON.parse(body.toString('utf8')) as { changes?: Record<string, unknown> }).changes ?? {};
        const overridden = Object.keys(changes).find((key) => key in overrides);
        if (overridden)
          return send(res, 400, errorBody(400, `Unable to update "${overridden}" because it is overridden`));
        const config = ensureConfig(tenant);
        save(tenant, 'config', version, { attributes: { ...config.attributes, ...changes } });
      }
      return send(res, 200, { settings: userSettings(tenant) });
    }
    if (url.pathname === '/api/saved_objects/_import' && method === 'POST') {
      return handleImport(req, res, body, tenant, url.searchParams.get('overwrite') === 'true');
    }
    if (url.pathname === '/api/saved_objects/_find' && method === 'GET') {
      const types = url.searchParams.getAll('type');
      const unknown = types.find((type) => !KNOWN_TYPES.has(type));
      if (unknown) return send(res, 400, errorBody(400, `Unsupported saved object type: '${unknown}': Bad Request`));
      const found = [...tenantStore(tenant).values()].filter((object) => types.includes(object.type));
      return send(res, 200, { page: 1, per_page: 20, total: found.length, saved_objects: found });
    }
    const match = /^\/api\/saved_objects\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (match) {
      const [, type = '', id = ''] = match.map(decodeURIComponent);
      if (!KNOWN_TYPES.has(type)) {
        return send(res, 400, errorBody(400, `Unsupported saved object type: '${type}': Bad Request`));
      }
      const existing = tenantStore(tenant).get(`${type}/${id}`);
      if (method === 'GET')
        return existing
          ? send(res, 200, existing)
          : send(res, 404, errorBody(404, `Saved object [${type}/${id}] not found`));
      if (method === 'POST') {
        if (existing && url.searchParams.get('overwrite') !== 'true') {
          return send(res, 409, errorBody(409, `Saved object [${type}/${id}] conflict`));
        }
        const incoming = JSON.parse(body.toString('utf8')) as Incoming;
        if (!incoming.attributes)
          return send(res, 400, errorBody(400, '[request body.attributes]: expected value of type [object]'));
        return send(res, 200, save(tenant, type, id, incoming));
      }
    }
    send(res, 404, errorBody(404, 'Not Found'));
  }

  function handleSecurity(req: IncomingMessage, res: ServerResponse, path: string, tenant: string) {
    const raw = req.headers.securitytenant;
    const answer = options.security === false ? undefined : securityRoute(options.security ?? {}, path, tenant, raw);
    return answer ? send(res, 200, answer) : send(res, 404, errorBody(404, 'Not Found'));
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
    const store = tenantStore(tenant);
    const outcome = sortImport(await file.text(), (type, id) => store.has(`${type}/${id}`), KNOWN_TYPES, overwrite);
    if ('nonUnique' in outcome) {
      return send(
        res,
        400,
        errorBody(400, `Non-unique import objects detected: [${outcome.nonUnique.join()}]: Bad Request`),
      );
    }
    // Like Dashboards: the objects without errors are created, the answer lists the others.
    for (const object of outcome.accepted) save(tenant, object.type, object.id, object);
    return send(res, 200, outcome.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, errorBody(500, (error as Error).message)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    version,
    requests,
    stored,
    objects,
    config: (tenant) => configOf(tenant)?.attributes,
    setConfig: (tenant, attributes) => {
      save(tenant, 'config', version, { attributes: { buildNum: BUILD_NUM, ...attributes } });
      stored.pop();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
