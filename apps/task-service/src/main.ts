import { createLogger, flushLogger } from '@loglift/logger';
import { DEFAULT_SERVICE_NAME, readServiceConfig, ServiceConfigError } from './config.js';
import { createServiceLogger } from './serviceLogger.js';
import { startService } from './startService.js';

// Entry point of the container: node main.mjs. Exit codes: 0 after a graceful stop, 1 on failure.
async function main(): Promise<void> {
  let config: ReturnType<typeof readServiceConfig>;
  try {
    config = readServiceConfig(process.env);
  } catch (err) {
    if (!(err instanceof ServiceConfigError)) throw err;
    // A fixed level and no environment: the variables just failed validation.
    const logger = createLogger({ env: {}, level: 'info', service: { name: DEFAULT_SERVICE_NAME } });
    logger.fatal({ problems: err.problems }, err.message);
    await flushLogger(logger);
    process.exit(1);
  }

  const logger = createServiceLogger(config);
  let running: Awaited<ReturnType<typeof startService>>;
  try {
    running = await startService(config, { logger });
  } catch (err) {
    logger.fatal({ err }, 'service failed to start');
    await flushLogger(logger);
    process.exit(1);
  }

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    const { drained } = await running.shutdown(signal);
    logger.info({ shutdown: { reason: signal, drained } }, 'shutdown complete');
    await flushLogger(logger);
    process.exit(0);
  };
  // Repeated signals join the shutdown already under way (shutdown() is idempotent).
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

void main();
