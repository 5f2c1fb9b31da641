import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@opensearch-project/opensearch';
import { AuthError } from './errors.js';
import { catalogFromFieldCaps, type FieldCapsResponse } from './fieldCaps.js';
import { FieldCatalog } from './fieldCatalog.js';
import { isRetryable, toQueryError } from './toQueryError.js';

const WAITING_NOTICE_MS = 5000;

export interface LogClientSettings {
  readonly url: string;
  readonly index: string;
  readonly username?: string | undefined;
  /** Named in TLS errors. */
  readonly caFile?: string | undefined;
  /** Called every few seconds while a request waits for its answer. */
  readonly onWaiting?: ((waiting: { readonly url: string; readonly elapsedMs: number }) => void) | undefined;
  readonly maxRetries: number;
  readonly retryDelayMs: number;
}

export interface RawRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  readonly path: string;
  readonly body?: unknown;
  readonly querystring?: Record<string, string | number | boolean>;
}

/** A connection plus the index to read; made by `createClient`. */
export class LogClient {
  private catalogPromise: Promise<FieldCatalog> | undefined;
  private versionPromise: Promise<string> | undefined;

  constructor(
    /** The underlying OpenSearch client, for requests this library does not cover. */
    readonly opensearch: Client,
    readonly settings: LogClientSettings,
  ) {}

  get index(): string {
    return this.settings.index;
  }

  /** Sends a request with retries on 429/502/503/504 and maps failures to typed errors. */
  async request<T>(request: RawRequest, signal?: AbortSignal): Promise<T> {
    const started = Date.now();
    const onWaiting = this.settings.onWaiting;
    const waiting = onWaiting
      ? setInterval(() => onWaiting({ url: this.settings.url, elapsedMs: Date.now() - started }), WAITING_NOTICE_MS)
      : undefined;
    waiting?.unref();
    try {
      return await this.attempt<T>(request, started, signal);
    } finally {
      clearInterval(waiting);
    }
  }

  private async attempt<T>(request: RawRequest, started: number, signal?: AbortSignal): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      signal?.throwIfAborted();
      const pending = this.opensearch.transport.request({
        method: request.method,
        path: request.path,
        body: request.body as Record<string, unknown> | undefined,
        querystring: request.querystring,
      });
      // Braces matter: EventTarget rethrows rejections of a thenable a listener returns.
      const abort = () => {
        pending.abort();
      };
      signal?.addEventListener('abort', abort, { once: true });
      try {
        return (await pending).body as T;
      } catch (error) {
        signal?.throwIfAborted();
        if (!isRetryable(error) || attempt >= this.settings.maxRetries) {
          throw toQueryError(error, { ...this.settings, elapsedMs: Date.now() - started });
        }
        const delay = this.settings.retryDelayMs * 2 ** attempt;
        await sleep(delay / 2 + Math.random() * (delay / 2), undefined, signal ? { signal } : undefined);
      } finally {
        signal?.removeEventListener('abort', abort);
      }
    }
  }

  /** Contract fields merged with the live mapping of the index (read once, then cached). */
  fields(): Promise<FieldCatalog> {
    this.catalogPromise ??= this.readCatalog().catch((error: unknown) => {
      this.catalogPromise = undefined;
      throw error;
    });
    return this.catalogPromise;
  }

  private async readCatalog(): Promise<FieldCatalog> {
    const index = encodeURIComponent(this.index);
    try {
      const mapping = await this.request<Parameters<typeof FieldCatalog.fromMapping>[0]>({
        method: 'GET',
        path: `/${index}/_mapping`,
      });
      return FieldCatalog.fromMapping(mapping);
    } catch (error) {
      // A reader with only the `read` action group may not get `_mapping`, but may get field caps.
      if (!(error instanceof AuthError && error.status === 403)) throw error;
      const caps = await this.request<FieldCapsResponse>({
        method: 'GET',
        path: `/${index}/_field_caps`,
        querystring: { fields: '*' },
      });
      return catalogFromFieldCaps(caps);
    }
  }

  /** The cluster's version number, e.g. `2.19.4`. */
  version(): Promise<string> {
    this.versionPromise ??= this.request<{ version: { number: string } }>({ method: 'GET', path: '/' }).then(
      (info) => info.version.number,
      (error: unknown) => {
        this.versionPromise = undefined;
        throw error;
      },
    );
    return this.versionPromise;
  }

  async close(): Promise<void> {
    await this.opensearch.close();
  }
}
