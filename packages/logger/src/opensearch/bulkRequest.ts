import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { ResolvedWriterOptions } from './writerOptions.js';

export interface BulkResponse {
  readonly status: number;
  readonly body: string;
}

export interface BulkTransport {
  post(body: string): Promise<BulkResponse>;
  close(): void;
}

/** POSTs NDJSON to `<url>/_bulk` over one keep-alive connection. Network failures reject. */
export function createBulkTransport(options: ResolvedWriterOptions): BulkTransport {
  const url = new URL(`${options.url}/_bulk`);
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({
        keepAlive: true,
        maxSockets: 1,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        rejectUnauthorized: options.tlsVerify,
      })
    : new HttpAgent({ keepAlive: true, maxSockets: 1 });
  const headers: Record<string, string> = { 'content-type': 'application/x-ndjson' };
  if (options.username !== undefined && options.password !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  }
  const send = secure ? httpsRequest : httpRequest;
  return {
    post: (body) =>
      new Promise<BulkResponse>((resolve, reject) => {
        const payload = Buffer.from(body, 'utf8');
        const req = send(
          url,
          { method: 'POST', agent, headers: { ...headers, 'content-length': String(payload.length) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.setTimeout(options.requestTimeoutMs, () => {
          req.destroy(new Error(`no answer from ${url.origin} within ${options.requestTimeoutMs} ms`));
        });
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}
