import { readFileSync } from 'node:fs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { CoreV1Api } from '@kubernetes/client-node';
import { apply } from './apply.js';
import { ConfigError } from './config/configError.js';
import { loadConfig } from './config/loadConfig.js';
import type { BootstrapConfig } from './config/schema.js';
import { credentialsFromEnv, type Secrets } from './credentialsFromEnv.js';
import { checkSavedObjectsFiles } from './dashboards/checkSavedObjectsFiles.js';
import { DashboardsClient } from './dashboards/dashboardsClient.js';
import type { AwsCredentials } from './dashboards/sigv4Headers.js';
import { formatResult } from './formatResult.js';
import { coreApi, createJobEvent, defaultKubeConfig, jobNamespace } from './kube/kubeApi.js';
import { createOpenSearch } from './opensearch/createOpenSearch.js';
import { OpenSearchError } from './opensearch/openSearchError.js';
import { WriteCounter } from './opensearch/writeCounter.js';
import { buildSteps, type PlannedObject, plan } from './plan.js';
import { preflight } from './preflight.js';
import { PreflightError } from './preflightError.js';
import { resolveWriterBackendRoles } from './resolveWriterBackendRoles.js';
import { classifyWriterLogin, type WriterLogin } from './steps/basicLogin.js';
import type { InternalWriter, StepContext } from './steps/context.js';
import { waitForDashboards } from './waitForDashboards.js';

/** The subset of a pino logger the run uses. */
export interface Log {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface RunOptions {
  readonly command: 'plan' | 'apply';
  readonly configFile: string;
  readonly output: 'text' | 'json';
}

export interface RunDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly log: Log;
  readonly stdout: (text: string) => void;
  readonly kube?: () => CoreV1Api;
  readonly awsCredentials?: () => Promise<AwsCredentials>;
  /** Receives the OpenSearch and Dashboards write counters (tests, bench). */
  readonly counters?: { opensearch: WriteCounter; dashboards: WriteCounter };
}

export const EXIT = { ok: 0, failed: 1, invalidConfig: 2 } as const;

function identityOf(config: BootstrapConfig, secrets: Secrets): string {
  if (config.opensearch.auth === 'basic') return `user ${secrets.admin?.username} (basic auth)`;
  if (config.opensearch.auth === 'aws-sigv4')
    return `AWS credentials from the default chain (SigV4, ${config.opensearch.aws?.service})`;
  return 'anonymous (auth none)';
}

/** Runs `plan` or `apply` and returns the exit code; never throws. */
export async function run(options: RunOptions, deps: RunDeps): Promise<number> {
  let config: BootstrapConfig;
  let secrets: Secrets;
  try {
    config = await loadConfig(options.configFile);
    secrets = credentialsFromEnv(config, deps.env);
    await checkSavedObjectsFiles(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      deps.log.error({ problems: error.problems }, error.message);
      return EXIT.invalidConfig;
    }
    throw error;
  }
  const counters = deps.counters ?? { opensearch: new WriteCounter(), dashboards: new WriteCounter() };
  const awsCredentials = deps.awsCredentials ?? fromNodeProviderChain();
  const os = createOpenSearch(config.opensearch, {
    ...(secrets.admin ? { credentials: secrets.admin } : {}),
    counter: counters.opensearch,
    awsCredentials,
  });
  let kubeApi: CoreV1Api | undefined;
  const kube = () => {
    kubeApi ??= deps.kube ? deps.kube() : coreApi(defaultKubeConfig());
    return kubeApi;
  };
  let objects: PlannedObject[] = [];
  let failure: { message: string; error?: unknown } | undefined;
  try {
    const identity = identityOf(config, secrets);
    const found = await preflight(os, config, {
      identity,
      onWait: (reason) => deps.log.info({ reason }, 'waiting for OpenSearch'),
    });
    deps.log.info({ ...found }, 'OpenSearch is ready');
    const writerBackendRoles = await resolveWriterBackendRoles(config, kube, (message) => deps.log.warn({}, message));
    const dashboards = config.dashboards
      ? dashboardsClient(config, secrets, counters.dashboards, awsCredentials)
      : undefined;
    if (dashboards && config.dashboards) {
      const state = await waitForDashboards(dashboards, config.dashboards.waitSeconds);
      deps.log.info({ state }, 'Dashboards is ready');
    }
    const ctx: StepContext = {
      config,
      os,
      writerBackendRoles,
      ...(secrets.internalWriter ? { internalWriter: secrets.internalWriter } : {}),
      tryWriterLogin: (writer) => tryWriterLogin(config, writer),
      // Unknown plugins (a 403 on _cat/plugins) still try ISM; Serverless never has it.
      ismAvailable: found.serverless
        ? false
        : found.plugins
          ? found.plugins.includes('opensearch-index-management')
          : true,
      ...(dashboards ? { dashboards } : {}),
    };
    const steps = buildSteps(ctx);
    if (options.command === 'plan') {
      objects = await plan(steps);
    } else {
      const result = await apply(steps, {
        onObject: (object) =>
          deps.log.info({ kind: object.kind, name: object.name, action: object.action }, 'converged'),
      });
      objects = result.objects;
      if (result.failed) {
        failure = {
          message: `${result.failed.kind} ${result.failed.name}: ${result.failed.error.message}`,
          error: result.failed.error,
        };
      }
    }
  } catch (error) {
    const known = error instanceof PreflightError || error instanceof OpenSearchError || error instanceof Error;
    failure = { message: known ? (error as Error).message : String(error), error };
  } finally {
    await os.close().catch(() => undefined);
  }
  const writes = { opensearch: counters.opensearch.count, dashboards: counters.dashboards.count };
  if (options.output === 'json') {
    deps.stdout(
      `${JSON.stringify({ command: options.command, ok: !failure, objects, writes, ...(failure ? { error: failure.message } : {}) }, null, 2)}\n`,
    );
  } else {
    deps.stdout(formatResult(options.command, objects));
    if (failure) deps.stdout(`Failed: ${failure.message}\n`);
  }
  if (failure) deps.log.error({ err: failure.error }, failure.message);
  else deps.log.info({ writes, objects: objects.length }, `${options.command} finished`);
  await recordEvent(options, deps, kube, objects, failure?.message);
  return failure ? EXIT.failed : EXIT.ok;
}

function dashboardsClient(
  config: BootstrapConfig,
  secrets: Secrets,
  counter: WriteCounter,
  aws: () => Promise<AwsCredentials>,
): DashboardsClient {
  const settings = config.opensearch;
  const auth =
    settings.auth === 'basic' && secrets.admin
      ? { type: 'basic' as const, ...secrets.admin }
      : settings.auth === 'aws-sigv4' && settings.aws
        ? { type: 'aws-sigv4' as const, region: settings.aws.region, service: settings.aws.service, credentials: aws }
        : { type: 'none' as const };
  return new DashboardsClient({
    url: config.dashboards?.url ?? '',
    auth,
    ...(settings.caFile ? { ca: readFileSync(settings.caFile) } : {}),
    tlsVerify: settings.tlsVerify,
    counter,
    tenants: settings.aws?.service !== 'aoss',
  });
}

/** How a basic login as the internal writer with its desired password goes: a read, never a write. */
async function tryWriterLogin(config: BootstrapConfig, writer: InternalWriter): Promise<WriterLogin> {
  const probe = createOpenSearch(
    { ...config.opensearch, auth: 'basic' },
    { credentials: { username: writer.name, password: writer.password } },
  );
  try {
    const response = await probe.get('/_plugins/_security/authinfo', { allow: [401, 403] });
    return classifyWriterLogin(response.status, response.body);
  } finally {
    await probe.close().catch(() => undefined);
  }
}

async function recordEvent(
  options: RunOptions,
  deps: RunDeps,
  kube: () => CoreV1Api,
  objects: readonly PlannedObject[],
  failure?: string,
): Promise<void> {
  const job = deps.env.LOGLIFT_JOB_NAME;
  const namespace = jobNamespace(deps.env);
  if (!job || !namespace) return;
  const count = (action: string) => objects.filter((object) => object.action === action).length;
  const summary = `${count('create')} created, ${count('update')} updated, ${count('unchanged')} unchanged, ${count('skipped')} skipped`;
  try {
    await createJobEvent(kube(), {
      job,
      namespace,
      type: failure ? 'Warning' : 'Normal',
      reason: failure ? 'BootstrapFailed' : options.command === 'plan' ? 'BootstrapPlanned' : 'BootstrapSucceeded',
      message: failure
        ? `loglift-bootstrap ${options.command} failed: ${failure}`
        : `loglift-bootstrap ${options.command}: ${summary}`,
    });
  } catch (error) {
    // Best effort: a missing RBAC rule for events must not fail the hook.
    deps.log.warn({ err: error }, 'could not record a Kubernetes Event');
  }
}
