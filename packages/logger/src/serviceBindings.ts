import type { LogRecord } from '@loglift/log-schema';
import { isPlainObject } from './isPlainObject.js';
import { describeValue, LoggerOptionError } from './loggerOptionError.js';

export interface ServiceOptions {
  /** `service.name`; default OTEL_SERVICE_NAME, else `unknown_service:node` (the OpenTelemetry default). */
  name?: string;
  /** `service.version`; default SERVICE_VERSION. */
  version?: string;
  /** `service.environment`; default DEPLOYMENT_ENVIRONMENT. */
  environment?: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

function fromEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function option(service: Record<string, unknown>, key: keyof ServiceOptions): string | undefined {
  const value = service[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new LoggerOptionError(`service.${key}`, `expected a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

/** The `service.*` and `k8s.*` fields every line carries, from options or the environment. */
export function serviceBindings(service: unknown, env: Env): Pick<LogRecord, 'service' | 'k8s'> {
  if (service !== undefined && !isPlainObject(service)) {
    throw new LoggerOptionError(
      'service',
      `expected an object with name/version/environment, got ${describeValue(service)}`,
    );
  }
  const given = service ?? {};
  for (const key of Object.keys(given)) {
    if (key !== 'name' && key !== 'version' && key !== 'environment') {
      throw new LoggerOptionError(`service.${key}`, 'unknown option (expected name, version or environment)');
    }
  }
  const result: Pick<LogRecord, 'service' | 'k8s'> = {
    service: {
      name: option(given, 'name') ?? fromEnv(env, 'OTEL_SERVICE_NAME') ?? 'unknown_service:node',
    },
  };
  const version = option(given, 'version') ?? fromEnv(env, 'SERVICE_VERSION');
  const environment = option(given, 'environment') ?? fromEnv(env, 'DEPLOYMENT_ENVIRONMENT');
  if (version !== undefined && result.service) result.service.version = version;
  if (environment !== undefined && result.service) result.service.environment = environment;

  const pod = fromEnv(env, 'POD_NAME');
  const namespace = fromEnv(env, 'POD_NAMESPACE');
  const node = fromEnv(env, 'NODE_NAME');
  if (pod !== undefined || namespace !== undefined || node !== undefined) {
    result.k8s = {};
    if (pod !== undefined) result.k8s.pod = { name: pod };
    if (namespace !== undefined) result.k8s.namespace = { name: namespace };
    if (node !== undefined) result.k8s.node = { name: node };
  }
  return result;
}
