import http from 'node:http';
import https from 'node:https';

export interface SimpleResponse {
  status: number;
  body: string;
}

export interface SimpleRequest {
  method?: string;
  auth?: { username: string; password: string };
  /** PEM CA bundle for https; when absent the system CAs are used */
  ca?: string | Buffer;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Minimal HTTP(S) request without dependencies, used for readiness checks. */
export function simpleRequest(url: string, request: SimpleRequest = {}): Promise<SimpleResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.auth !== undefined) {
    const token = Buffer.from(`${request.auth.username}:${request.auth.password}`).toString('base64');
    headers.authorization = `Basic ${token}`;
  }
  if (request.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(request.body));
  }
  const options: https.RequestOptions = {
    method: request.method ?? 'GET',
    headers,
    timeout: request.timeoutMs ?? 5000,
    agent: false,
  };
  if (request.ca !== undefined) options.ca = request.ca;
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(target, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`request to ${url} timed out`)));
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}
