import { createLogger, type Logger } from '@loglift/logger';
import type { Config } from './config.js';

/** The service's logger: service identity from OTEL/SERVICE env, pod identity from the downward API. */
export function createServiceLogger(config: Pick<Config, 'logLevel' | 'service' | 'k8s'>): Logger {
  const { podName, namespace, nodeName } = config.k8s;
  const k8s = {
    ...(podName ? { pod: { name: podName } } : {}),
    ...(namespace ? { namespace: { name: namespace } } : {}),
    ...(nodeName ? { node: { name: nodeName } } : {}),
  };
  return createLogger({
    // Everything comes from the validated config, so the logger reads no variables of its own.
    env: {},
    level: config.logLevel,
    service: {
      name: config.service.name,
      ...(config.service.version ? { version: config.service.version } : {}),
      ...(config.service.environment ? { environment: config.service.environment } : {}),
    },
    ...(Object.keys(k8s).length > 0 ? { bindings: { k8s } } : {}),
  });
}
