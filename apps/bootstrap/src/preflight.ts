import { withBackoff } from './backoff.js';
import type { BootstrapConfig } from './config/schema.js';
import type { OpenSearch } from './opensearch/openSearch.js';
import { OpenSearchError } from './opensearch/openSearchError.js';
import { authError, PreflightError } from './preflightError.js';
import { checkSecurityAccess } from './preflightSecurity.js';

export interface PreflightResult {
  readonly version?: string;
  readonly distribution?: string;
  readonly awsManaged: boolean;
  /** OpenSearch Serverless: no security plugin, no ISM. */
  readonly serverless?: boolean;
  readonly user?: string;
  readonly roles?: readonly string[];
  /** Installed plugin components, e.g. opensearch-index-management; undefined when unknown. */
  readonly plugins?: readonly string[];
}

export interface PreflightOptions {
  /** Names the identity in auth errors, e.g. `user admin (basic)`. */
  readonly identity: string;
  readonly now?: () => number;
  readonly onWait?: (reason: string) => void;
}

interface InfoBody {
  cluster_name?: string;
  version?: { number?: string; distribution?: string };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error as Error).message ?? String(error);
}

/** AWS OpenSearch Service: `*.es.amazonaws.com` / `*.aoss.amazonaws.com`, or an `account:domain` cluster name. */
export function isAwsManaged(url: string, clusterName?: string): boolean {
  const host = new URL(url).hostname;
  return /\.(es|aoss)\.amazonaws\.com(\.cn)?$/.test(host) || /^\d{12}:/.test(clusterName ?? '');
}

/**
 * Waits (bounded backoff) for OpenSearch to answer and be at least yellow, then checks that our
 * identity may manage security. Auth errors fail at once: retrying a wrong password only locks out.
 */
export async function preflight(
  os: OpenSearch,
  config: BootstrapConfig,
  options: PreflightOptions,
): Promise<PreflightResult> {
  const now = options.now ?? Date.now;
  const deadline = now() + config.opensearch.waitSeconds * 1000;
  if (config.opensearch.aws?.service === 'aoss') return serverlessPreflight(os, config, options, deadline);
  let lastProblem = 'no answer yet';
  const info = await withBackoff<InfoBody>(
    async (remaining) => {
      const timeoutMs = Math.min(remaining, 10_000);
      try {
        return (await os.request<InfoBody>('GET', '/', { timeoutMs })).body ?? {};
      } catch (error) {
        if (error instanceof OpenSearchError && error.isAuth) throw authError(options.identity, error);
        const problem = error instanceof OpenSearchError ? `HTTP ${error.status}` : describe(error);
        // A last try cut short by the deadline says less than the answer before it (ECONNREFUSED).
        if (!(timeoutMs < 10_000 && /timed out/i.test(problem) && lastProblem !== 'no answer yet')) {
          lastProblem = problem;
        }
        options.onWait?.(problem);
        return undefined;
      }
    },
    { deadline, now },
  );
  if (info === undefined) {
    throw new PreflightError(
      'unreachable',
      `OpenSearch at ${config.opensearch.url} did not answer within ${config.opensearch.waitSeconds}s (last: ${lastProblem})`,
    );
  }
  assertMinimumVersion(info.version);
  {
    const healthy = await withBackoff<string>(
      async (remaining) => {
        const seconds = Math.max(1, Math.min(10, Math.floor(remaining / 1000)));
        try {
          const health = await os.request<{ status?: string }>('GET', '/_cluster/health', {
            query: { wait_for_status: 'yellow', timeout: `${seconds}s` },
            allow: [408],
            timeoutMs: (seconds + 5) * 1000,
          });
          lastProblem = `cluster health ${health.body.status ?? 'unknown'}`;
          return health.body.status === 'green' || health.body.status === 'yellow' ? health.body.status : undefined;
        } catch (error) {
          if (error instanceof OpenSearchError && error.isAuth) throw authError(options.identity, error);
          lastProblem = describe(error);
          return undefined;
        }
      },
      { deadline, now },
    );
    if (!healthy) {
      throw new PreflightError(
        'health',
        `OpenSearch did not reach yellow within ${config.opensearch.waitSeconds}s (last: ${lastProblem})`,
      );
    }
  }
  const result: PreflightResult = {
    ...(info.version?.number ? { version: info.version.number } : {}),
    ...(info.version?.distribution ? { distribution: info.version.distribution } : {}),
    awsManaged: isAwsManaged(config.opensearch.url, info.cluster_name),
    plugins: await installedPlugins(os),
  };
  if (!config.security.enabled) return result;
  return { ...result, ...(await checkSecurityAccess(os, config, options.identity, result.awsManaged)) };
}

/** The first OpenSearch release with every mapping type the template uses (`flat_object`: 2.7). */
export const MINIMUM_VERSION = '2.7.0';

/** Fails on OpenSearch older than MINIMUM_VERSION and on Elasticsearch (no flat_object at all). */
export function assertMinimumVersion(version: InfoBody['version']): void {
  const number = version?.number;
  if (!number) return;
  const [major = 0, minor = 0] = number.split('.').map((part) => Number.parseInt(part, 10));
  const [minMajor = 0, minMinor = 0] = MINIMUM_VERSION.split('.').map(Number);
  // Domains in compatibility mode may answer without a distribution: judged by the number alone.
  const isOpenSearch = version?.distribution === undefined || version.distribution === 'opensearch';
  if (!isOpenSearch || major < minMajor || (major === minMajor && minor < minMinor)) {
    throw new PreflightError(
      'version',
      `${isOpenSearch ? 'OpenSearch' : (version?.distribution ?? 'Elasticsearch')} ${number} is not supported: loglift needs OpenSearch ${MINIMUM_VERSION} or newer (the index template uses flat_object, added in 2.7)`,
    );
  }
}

/**
 * A Serverless collection answers neither `GET /`, cluster health, `_cat/plugins` nor
 * `_plugins/_security` (AWS developer guide, serverless-genref.md lists the supported operations),
 * so readiness and access are checked with a read the hook needs anyway: its index template.
 */
async function serverlessPreflight(
  os: OpenSearch,
  config: BootstrapConfig,
  options: PreflightOptions,
  deadline: number,
): Promise<PreflightResult> {
  const now = options.now ?? Date.now;
  let lastProblem = 'no answer yet';
  const path = `/_index_template/${encodeURIComponent(config.logs.template)}`;
  const answered = await withBackoff<boolean>(
    async (remaining) => {
      try {
        await os.get(path, { allow: [404], timeoutMs: Math.min(remaining, 10_000) });
        return true;
      } catch (error) {
        if (error instanceof OpenSearchError && error.isAuth) throw authError(options.identity, error);
        lastProblem = error instanceof OpenSearchError ? `HTTP ${error.status}` : describe(error);
        options.onWait?.(lastProblem);
        return undefined;
      }
    },
    { deadline, now },
  );
  if (!answered) {
    throw new PreflightError(
      'unreachable',
      `OpenSearch Serverless at ${config.opensearch.url} did not answer within ${config.opensearch.waitSeconds}s (last: ${lastProblem})`,
    );
  }
  return { awsManaged: true, serverless: true };
}

async function installedPlugins(os: OpenSearch): Promise<string[] | undefined> {
  const response = await os.get<{ component?: string }[]>('/_cat/plugins', {
    query: { format: 'json' },
    allow: [403, 404],
  });
  if (response.status !== 200 || !Array.isArray(response.body)) return undefined;
  return [...new Set(response.body.map((row) => row.component ?? '').filter(Boolean))].sort();
}
