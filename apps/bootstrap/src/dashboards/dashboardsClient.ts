import { WriteCounter } from '../opensearch/writeCounter.js';
import { httpRequest } from './httpRequest.js';
import { type AwsCredentials, sigv4Headers } from './sigv4Headers.js';

export type DashboardsAuth =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | {
      readonly type: 'aws-sigv4';
      readonly region: string;
      /** `es` for a domain's Dashboards, `aoss` for a Serverless collection's. */
      readonly service: 'es' | 'aoss';
      readonly credentials: () => Promise<AwsCredentials>;
    };

export interface DashboardsClientOptions {
  /** Base URL, including `/_dashboards` on AWS. */
  readonly url: string;
  readonly auth: DashboardsAuth;
  readonly ca?: Buffer;
  readonly tlsVerify?: boolean;
  readonly counter?: WriteCounter;
  /** False where Dashboards has no tenants (Serverless): no securitytenant header is sent. */
  readonly tenants?: boolean;
}

export interface DashboardsResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
}

export class DashboardsError extends Error {
  override readonly name = 'DashboardsError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Dashboards ${method} ${path} failed with ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

export interface SavedObjectReference {
  name: string;
  type: string;
  id: string;
}

export interface SavedObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references?: SavedObjectReference[];
  /** Set by Dashboards' migrations: the last migration each type ran on this object. */
  migrationVersion?: Record<string, string>;
}

export interface UserSetting {
  userValue?: unknown;
  /** Set in opensearch_dashboards.yml (`uiSettings.overrides`): cannot be changed through the API. */
  isOverridden?: boolean;
}

/** Header value for a tenant: `global`, `__user__` (private) or a custom tenant name. */
export function tenantHeader(tenant: string): string {
  if (tenant === 'global' || tenant === 'global_tenant') return 'global';
  if (tenant === 'private') return '__user__';
  return tenant;
}

/** Thin client over the documented Dashboards HTTP API. */
export class DashboardsClient {
  readonly counter: WriteCounter;
  private readonly base: URL;

  constructor(private readonly options: DashboardsClientOptions) {
    this.counter = options.counter ?? new WriteCounter();
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    init: { tenant?: string; json?: unknown; body?: Buffer; contentType?: string; allow?: readonly number[] } = {},
  ): Promise<DashboardsResponse<T>> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    const body = init.json === undefined ? init.body : Buffer.from(JSON.stringify(init.json));
    let headers: Record<string, string> = {
      accept: 'application/json',
      // Required on every write; harmless on reads.
      'osd-xsrf': 'true',
      ...(init.tenant && this.options.tenants !== false ? { securitytenant: tenantHeader(init.tenant) } : {}),
      ...(body ? { 'content-type': init.contentType ?? 'application/json' } : {}),
    };
    const { auth } = this.options;
    if (auth.type === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    } else if (auth.type === 'aws-sigv4') {
      headers = await sigv4Headers({
        url,
        method,
        headers,
        ...(body ? { body } : {}),
        region: auth.region,
        service: auth.service,
        // Serverless refuses a signed request without the payload hash header; domains accept it.
        contentSha256: true,
        credentials: auth.credentials,
      });
    }
    this.counter.observe(method, url.pathname);
    const response = await httpRequest({
      url,
      method,
      headers,
      ...(body ? { body } : {}),
      ...(this.options.ca ? { ca: this.options.ca } : {}),
      rejectUnauthorized: this.options.tlsVerify ?? true,
    });
    let parsed: unknown = response.text;
    try {
      parsed = response.text === '' ? undefined : JSON.parse(response.text);
    } catch {
      // Non-JSON answers (HTML error pages) are reported as text.
    }
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && !(init.allow ?? []).includes(response.status)) {
      throw new DashboardsError(method, url.pathname, response.status, parsed);
    }
    return { status: response.status, body: parsed as T };
  }

  /** Overall state from `/api/status`: green, yellow, red (or a v8 level), `unavailable` while starting. */
  async overallState(): Promise<string> {
    const response = await this.request<{ status?: { overall?: { state?: string; level?: string } } }>(
      'GET',
      '/api/status',
      { allow: [503] },
    );
    if (response.status === 503) return 'unavailable';
    // `state` is the default (legacy) format; `level` the v8 one some proxies ask for.
    return response.body?.status?.overall?.state ?? response.body?.status?.overall?.level ?? 'unknown';
  }

  async getObject(tenant: string, type: string, id: string): Promise<SavedObject | undefined> {
    const path = `/api/saved_objects/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;
    const response = await this.request<SavedObject>('GET', path, { tenant, allow: [404] });
    return response.status === 404 ? undefined : response.body;
  }

  async saveObject(
    tenant: string,
    type: string,
    id: string,
    attributes: Record<string, unknown>,
    overwrite: boolean,
  ): Promise<void> {
    const path = `/api/saved_objects/${encodeURIComponent(type)}/${encodeURIComponent(id)}${overwrite ? '?overwrite=true' : ''}`;
    await this.request('POST', path, { tenant, json: { attributes } });
  }

  /** Version and overall state from `/api/status` (the version is the id of the `config` object). */
  async status(): Promise<{ state: string; version?: string }> {
    const response = await this.request<{ version?: { number?: string }; status?: { overall?: { state?: string } } }>(
      'GET',
      '/api/status',
    );
    const version = response.body?.version?.number;
    return { state: response.body?.status?.overall?.state ?? 'unknown', ...(version ? { version } : {}) };
  }

  /** `_find` for one type: a read with no side effect (unlike the settings GET). */
  async findObjects(tenant: string, type: string): Promise<SavedObject[]> {
    const path = `/api/saved_objects/_find?type=${encodeURIComponent(type)}&per_page=1000`;
    const response = await this.request<{ saved_objects?: SavedObject[] }>('GET', path, { tenant });
    return response.body?.saved_objects ?? [];
  }

  /**
   * The settings GET. Dashboards creates (or upgrades) the tenant's `config` object when it is
   * missing, so this is a write then: call it only once that object exists.
   */
  async getSettings(tenant: string): Promise<Record<string, UserSetting>> {
    const response = await this.request<{ settings?: Record<string, UserSetting> }>(
      'GET',
      '/api/opensearch-dashboards/settings',
      { tenant },
    );
    return response.body?.settings ?? {};
  }

  /** Sets one advanced setting; `overridden` (Dashboards' 400) when opensearch_dashboards.yml fixes it. */
  async setSetting(tenant: string, key: string, value: unknown): Promise<'set' | 'overridden'> {
    const response = await this.request<{ message?: string }>('POST', '/api/opensearch-dashboards/settings', {
      tenant,
      json: { changes: { [key]: value } },
      allow: [400],
    });
    if (response.status === 200) return 'set';
    if (String(response.body?.message ?? '').includes('because it is overridden')) return 'overridden';
    throw new DashboardsError('POST', '/api/opensearch-dashboards/settings', response.status, response.body);
  }
}
