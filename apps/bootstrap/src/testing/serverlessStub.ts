import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for an OpenSearch Serverless collection endpoint, holding to what the AWS
 * developer guide documents:
 * - serverless-clients.md: every request is SigV4-signed for service `aoss` and carries
 *   `x-amz-content-sha256` (the payload hash) among its signed headers; others get 403.
 * - serverless-genref.md: the index template API is supported; `GET /`, cluster health,
 *   `_cat/plugins`, `_plugins/_security/*` and `_plugins/_ism/*` are not in the supported list.
 *   The guide does not document the error body of an unsupported call, so the stub answers 404
 *   and records the path in `unsupported`: tests assert that list stays empty.
 */
export interface ServerlessStub {
  readonly url: string;
  readonly requests: { method: string; path: string; service?: string }[];
  readonly unsupported: string[];
  readonly templates: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The service of the SigV4 credential scope: `Credential=<key>/<date>/<region>/<service>/aws4_request`. */
export function signedService(authorization: string | undefined): string | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization ?? '')?.[1];
}

/** Whether a request carries the payload hash Serverless requires, signed and matching the body. */
export function hasSignedPayloadHash(headers: IncomingMessage['headers'], body: Buffer): boolean {
  const signed = /SignedHeaders=([^,\s]+)/.exec(String(headers.authorization ?? ''))?.[1]?.split(';') ?? [];
  const hash = createHash('sha256').update(body).digest('hex');
  return signed.includes('x-amz-content-sha256') && headers['x-amz-content-sha256'] === hash;
}

export async function startServerlessStub(): Promise<ServerlessStub> {
  const requests: ServerlessStub['requests'] = [];
  const unsupported: string[] = [];
  const templates = new Map<string, Record<string, unknown>>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const service = signedService(req.headers.authorization);
    requests.push({ method, path, ...(service ? { service } : {}) });
    if (service !== 'aoss' || !hasSignedPayloadHash(req.headers, body)) {
      return send(res, 403, {
        message: 'The request signature we calculated does not match the signature you provided.',
      });
    }
    const template = /^\/_index_template\/([^/]+)$/.exec(path);
    if (template) {
      const name = decodeURIComponent(template[1] ?? '');
      if (method === 'GET') {
        const stored = templates.get(name);
        if (!stored) return send(res, 404, { error: { type: 'resource_not_found_exception' }, status: 404 });
        return send(res, 200, { index_templates: [{ name, index_template: stored }] });
      }
      if (method === 'PUT') {
        templates.set(name, JSON.parse(body.toString('utf8')) as Record<string, unknown>);
        return send(res, 200, { acknowledged: true });
      }
    }
    unsupported.push(`${method} ${path}`);
    send(res, 404, { status: 404, error: { reason: `unsupported in this stub: ${method} ${path}` } });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: (error as Error).message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    unsupported,
    templates,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
