import type { Client } from '@opensearch-project/opensearch';
import { OpenSearchError } from './openSearchError.js';
import type { WriteCounter } from './writeCounter.js';

export interface OsResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly query?: Record<string, string | number | boolean>;
  /** Statuses returned instead of thrown, e.g. 404 when reading something that may not exist. */
  readonly allow?: readonly number[];
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
}

/** Thin wrapper over the client's transport: one request, parsed JSON, errors with context. */
export class OpenSearch {
  constructor(
    readonly client: Client,
    readonly counter: WriteCounter,
  ) {}

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<OsResponse<T>> {
    try {
      const response = await this.client.transport.request(
        {
          method,
          path,
          ...(options.body === undefined ? {} : { body: options.body as Record<string, unknown> }),
          ...(options.query ? { querystring: options.query } : {}),
        },
        {
          ignore: [...(options.allow ?? [])],
          maxRetries: 0,
          ...(options.headers ? { headers: options.headers } : {}),
          ...(options.timeoutMs ? { requestTimeout: options.timeoutMs } : {}),
        },
      );
      return { status: response.statusCode ?? 0, body: response.body as T };
    } catch (error) {
      const meta = error as { meta?: { statusCode?: number | null; body?: unknown }; name?: string };
      if (meta.name === 'ResponseError' && typeof meta.meta?.statusCode === 'number') {
        throw new OpenSearchError(method, path, meta.meta.statusCode, meta.meta.body);
      }
      throw error;
    }
  }

  get<T = unknown>(path: string, options: RequestOptions = {}): Promise<OsResponse<T>> {
    return this.request<T>('GET', path, options);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
