import { LEVELS } from '@loglift/log-schema';
import { z } from 'zod';

const BYTE_SIZE = /^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Environment variables the service reads, keyed by their exact names so errors name them. */
const envSchema = z.object({
  PORT: integer(0, 65_535).default(8080),
  HOST: optionalText,
  LOG_LEVEL: z.enum(LEVELS).default('info'),
  LOG_REQUESTS: z.stringbool().default(true),
  BODY_LIMIT: z.string().trim().regex(BYTE_SIZE, 'must be a byte size such as 100kb, 1mb or 2048').default('100kb'),
  SHUTDOWN_GRACE_MS: integer(0, 600_000).default(10_000),
  SHUTDOWN_DELAY_MS: integer(0, 600_000).default(0),
  ENABLE_FAULTS: z.stringbool().default(false),
  OTEL_SERVICE_NAME: optionalText,
  SERVICE_VERSION: optionalText,
  DEPLOYMENT_ENVIRONMENT: optionalText,
  POD_NAME: optionalText,
  POD_NAMESPACE: optionalText,
  NODE_NAME: optionalText,
});

export interface Config {
  port: number;
  /** Interface to bind; undefined listens on all interfaces. */
  host: string | undefined;
  logLevel: (typeof LEVELS)[number];
  /** When false the per-request log line is skipped (errors and domain events are still logged). */
  logRequests: boolean;
  bodyLimit: string;
  shutdownGraceMs: number;
  /** Time between readiness turning false and the listener closing, so load balancers catch up. */
  shutdownDelayMs: number;
  /** Enables `/api/debug/fail` and the `delayMs` query parameter for demos and tests. */
  enableFaults: boolean;
  service: { name: string; version: string | undefined; environment: string | undefined };
  k8s: { podName: string | undefined; namespace: string | undefined; nodeName: string | undefined };
}

/** Thrown when the environment is invalid; `problems` has one entry per variable. */
export class ServiceConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ServiceConfigError';
    this.problems = problems;
  }
}

export const DEFAULT_SERVICE_NAME = 'task-service';

/** Reads and validates the configuration; empty variables count as unset. */
export function readServiceConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ServiceConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const vars = parsed.data;
  return {
    port: vars.PORT,
    host: vars.HOST,
    logLevel: vars.LOG_LEVEL,
    logRequests: vars.LOG_REQUESTS,
    bodyLimit: vars.BODY_LIMIT.replace(/\s+/g, '').toLowerCase(),
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
    shutdownDelayMs: vars.SHUTDOWN_DELAY_MS,
    enableFaults: vars.ENABLE_FAULTS,
    service: {
      name: vars.OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME,
      version: vars.SERVICE_VERSION,
      environment: vars.DEPLOYMENT_ENVIRONMENT,
    },
    k8s: { podName: vars.POD_NAME, namespace: vars.POD_NAMESPACE, nodeName: vars.NODE_NAME },
  };
}
