import { ConfigError } from './config/configError.js';
import type { BootstrapConfig } from './config/schema.js';
import type { BasicCredentials } from './opensearch/createOpenSearch.js';
import type { InternalWriter } from './steps/context.js';

export interface Secrets {
  readonly admin?: BasicCredentials;
  readonly internalWriter?: InternalWriter;
}

/** Secrets come only from the environment; a missing one is a config error naming the variable. */
export function credentialsFromEnv(config: BootstrapConfig, env: NodeJS.ProcessEnv): Secrets {
  const problems: string[] = [];
  let admin: BasicCredentials | undefined;
  if (config.opensearch.auth === 'basic') {
    const username = env.LOGLIFT_ADMIN_USERNAME;
    const password = env.LOGLIFT_ADMIN_PASSWORD;
    if (!username) problems.push('LOGLIFT_ADMIN_USERNAME: must be set when opensearch.auth is basic');
    if (!password) problems.push('LOGLIFT_ADMIN_PASSWORD: must be set when opensearch.auth is basic');
    if (username && password) admin = { username, password };
  }
  let internalWriter: InternalWriter | undefined;
  const user = config.security.enabled ? config.security.writer.internalUser : undefined;
  if (user) {
    const password = env.LOGLIFT_WRITER_PASSWORD;
    if (!password) problems.push('LOGLIFT_WRITER_PASSWORD: must be set when security.writer.internalUser is set');
    else internalWriter = { name: user.name, password };
  }
  if (problems.length > 0) throw new ConfigError('(environment)', problems);
  return { ...(admin ? { admin } : {}), ...(internalWriter ? { internalWriter } : {}) };
}
