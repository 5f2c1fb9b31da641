// Run as a child process by exitHandlers.test.ts: `exitScenario.ts <scenario>`.
import { pino } from 'pino';
import { createLogger } from '../createLogger.js';
import { flushLogger } from '../flushLogger.js';

const scenario = process.argv[2];
// A buffered asynchronous destination shows that exit paths flush; the default is synchronous.
const buffered = () => pino.destination({ dest: 1, sync: false, minLength: 8 * 1024 });

const keepAlive = () => setInterval(() => undefined, 1_000);

switch (scenario) {
  case 'sigterm-default':
  case 'sigint-default': {
    const logger = createLogger({ service: { name: 'exit-test' } });
    keepAlive();
    logger.info('ready');
    break;
  }
  case 'sigterm-app-handler': {
    const logger = createLogger({ service: { name: 'exit-test' }, destination: buffered() });
    process.on('SIGTERM', () => {
      logger.info('draining');
      setTimeout(async () => {
        logger.info('drained');
        await flushLogger(logger);
        process.exit(0);
      }, 50);
    });
    keepAlive();
    logger.info('ready');
    // The parent waits for this line before signalling.
    void flushLogger(logger);
    break;
  }
  case 'process-exit': {
    const logger = createLogger({ service: { name: 'exit-test' }, destination: buffered() });
    for (let i = 0; i < 500; i += 1) logger.info({ n: i }, 'line');
    process.exit(3);
    break;
  }
  case 'uncaught': {
    const logger = createLogger({ service: { name: 'exit-test' }, destination: buffered() });
    for (let i = 0; i < 100; i += 1) logger.info({ n: i }, 'line');
    setTimeout(() => {
      throw new TypeError('kaboom');
    }, 10);
    break;
  }
  case 'rejection': {
    const logger = createLogger({ service: { name: 'exit-test' }, destination: buffered() });
    logger.info('ready');
    void Promise.reject(Object.assign(new Error('nope'), { code: 'E_NOPE' }));
    keepAlive();
    break;
  }
  case 'uncaught-app-handler': {
    const logger = createLogger({ service: { name: 'exit-test' } });
    process.on('uncaughtException', () => {
      logger.info('app handled it');
      process.exit(2);
    });
    setTimeout(() => {
      throw new Error('handled elsewhere');
    }, 10);
    break;
  }
  default:
    throw new Error(`unknown scenario ${scenario}`);
}
