import { request } from 'node:https';

export interface KubeResponse<T = unknown> {
  status: number;
  body: T;
  /** Texts of the `Warning: 299` headers, e.g. PodSecurity's "would violate PodSecurity ...". */
  warnings: string[];
}

export interface RequestOptions {
  /** Bearer token for this request instead of the client's own. */
  token?: string;
  contentType?: string;
  /** Throw unless the status is one of these (default: any status is returned). */
  expect?: readonly number[];
}

/** The text of one `Warning` header (RFC 7234: `code agent "text"`), unescaped. */
export function warningText(header: string): string {
  const match = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(header);
  return match?.[1] === undefined ? header : match[1].replace(/\\(.)/g, '$1');
}

/**
 * A minimal JSON client for the Kubernetes API: verifies the server against one CA and
 * sends a bearer token. Tests talk HTTP to the server directly, so what they assert is
 * exactly what the API answered, warnings included.
 */
export class KubeClient {
  constructor(
    readonly server: string,
    private readonly ca: string | Buffer,
    readonly token: string,
  ) {}

  /** The same server and CA, authenticated as someone else. */
  as(token: string): KubeClient {
    return new KubeClient(this.server, this.ca, token);
  }

  /**
   * One API call. A 429 with Retry-After (a new CRD's storage still initialising, priority and
   * fairness) is retried after the time the server names, up to 10 times, as client-go does.
   */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<KubeResponse<T>> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.send<T>(method, path, body, { ...options, expect: undefined });
      const wait = answer.retryAfterSeconds;
      if (answer.status === 429 && wait !== undefined && attempt < 10) {
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      if (options.expect !== undefined && !options.expect.includes(answer.status)) {
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        throw new Error(`${method} ${path} answered HTTP ${String(answer.status)}: ${String(text).slice(0, 600)}`);
      }
      return { status: answer.status, body: answer.body, warnings: answer.warnings };
    }
  }

  private send<T>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions,
  ): Promise<KubeResponse<T> & { retryAfterSeconds: number | undefined }> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${options.token ?? this.token}`,
    };
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, this.server), { method, ca: this.ca, headers, timeout: 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          const warnings: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            if (res.rawHeaders[i]?.toLowerCase() === 'warning') warnings.push(warningText(res.rawHeaders[i + 1] ?? ''));
          }
          let parsed: unknown = text;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            // plain-text answers (/readyz, /version on errors) stay strings
          }
          const retryAfter = Number(res.headers['retry-after']);
          const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 5) : undefined;
          resolve({ status, body: parsed as T, warnings, retryAfterSeconds });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** GET that must answer 200. */
  async get<T = Record<string, unknown>>(path: string): Promise<T> {
    return (await this.request<T>('GET', path, undefined, { expect: [200] })).body;
  }

  /** POST that must answer 200 or 201; returns the created object and the warnings. */
  create<T = Record<string, unknown>>(path: string, body: unknown): Promise<KubeResponse<T>> {
    return this.request<T>('POST', path, body, { expect: [200, 201] });
  }
}
