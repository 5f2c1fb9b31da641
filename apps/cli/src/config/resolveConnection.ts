import type { AuthOptions, ConnectionOptions } from '@loglift/query';
import { UsageError } from '../usageError.js';
import { type ContextConfig, defaultConfigPath, readConfigFile } from './readConfigFile.js';

/** Connection flags as commander parses them. */
export interface ConnectionFlags {
  url?: string;
  username?: string;
  password?: string;
  caFile?: string;
  /** `--ca`, the short spelling of `--ca-file`. */
  ca?: string;
  insecure?: boolean;
  auth?: string;
  awsRegion?: string;
  awsService?: string;
  index?: string;
  context?: string;
  config?: string;
  timezone?: string;
}

export interface ResolvedConnection {
  readonly connection: ConnectionOptions;
  /** Time zone for printing and for ISO times without offset (flag, context, else the local zone). */
  readonly timeZone: string;
}

/** Flags win over LOGLIFT_* environment variables, which win over the config file's context. */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ResolvedConnection {
  const configPath = flags.config ?? defaultConfigPath(env);
  const config = readConfigFile(configPath, flags.config !== undefined || env.LOGLIFT_CONFIG !== undefined);
  const contextName = flags.context ?? config.currentContext;
  let context: ContextConfig = {};
  if (contextName !== undefined) {
    const found = config.contexts[contextName];
    if (!found) {
      const known = Object.keys(config.contexts);
      throw new UsageError(
        `no context "${contextName}" in ${configPath}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      );
    }
    context = found;
  }
  const pick = (flag: string | undefined, envName: string, fromContext: string | undefined) =>
    flag ?? env[envName] ?? fromContext;
  const url = pick(flags.url, 'LOGLIFT_URL', context.url);
  if (!url) throw new UsageError('no OpenSearch URL: pass --url, set LOGLIFT_URL, or add a context to the config file');
  const username = pick(flags.username, 'LOGLIFT_USERNAME', context.username);
  const password =
    pick(flags.password, 'LOGLIFT_PASSWORD', context.password) ??
    (context.passwordEnv ? env[context.passwordEnv] : undefined);
  const authType = pick(flags.auth, 'LOGLIFT_AUTH', context.auth) ?? (username ? 'basic' : 'none');
  const connection: ConnectionOptions = {
    url,
    auth: resolveAuth(authType, username, password, {
      region: pick(flags.awsRegion, 'LOGLIFT_AWS_REGION', context.awsRegion) ?? env.AWS_REGION,
      service: pick(flags.awsService, 'LOGLIFT_AWS_SERVICE', context.awsService),
    }),
    index: pick(flags.index, 'LOGLIFT_INDEX', context.index) ?? 'logs-loglift',
    tlsVerify: !(flags.insecure ?? context.insecure ?? false),
  };
  const caFile = pick(flags.caFile ?? flags.ca, 'LOGLIFT_CA_FILE', undefined) ?? env.LOGLIFT_CA ?? context.caFile;
  return {
    connection: caFile ? { ...connection, caFile } : connection,
    timeZone: flags.timezone ?? context.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  };
}

function resolveAuth(
  type: string,
  username: string | undefined,
  password: string | undefined,
  aws: { region?: string; service?: string },
): AuthOptions {
  if (type === 'none') return { type: 'none' };
  if (type === 'basic') {
    if (!username || password === undefined) {
      throw new UsageError(
        'basic auth needs a username and password (--username/--password or LOGLIFT_USERNAME/LOGLIFT_PASSWORD)',
      );
    }
    return { type: 'basic', username, password };
  }
  if (type === 'aws-sigv4') {
    if (!aws.region) throw new UsageError('aws-sigv4 auth needs a region (--aws-region or LOGLIFT_AWS_REGION)');
    const service = aws.service ?? 'es';
    if (service !== 'es' && service !== 'aoss')
      throw new UsageError(`--aws-service must be es or aoss, got "${service}"`);
    return { type: 'aws-sigv4', region: aws.region, service };
  }
  throw new UsageError(`unknown auth "${type}": use basic, aws-sigv4 or none`);
}
