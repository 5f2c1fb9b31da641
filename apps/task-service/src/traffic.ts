import { createLogger, flushLogger } from '@loglift/logger';
import { parseTrafficArgs, TRAFFIC_USAGE, TrafficArgsError } from './trafficArgs.js';
import { runTraffic } from './trafficGenerator.js';

// CLI entry: node traffic.mjs --url http://127.0.0.1:8080 --duration 10s --rate 20
async function main(): Promise<number> {
  const logger = createLogger({ service: { name: 'task-service-traffic' } });
  try {
    let args: ReturnType<typeof parseTrafficArgs>;
    try {
      args = parseTrafficArgs(process.argv.slice(2));
    } catch (err) {
      if (!(err instanceof TrafficArgsError)) throw err;
      logger.error({ usage: TRAFFIC_USAGE }, err.message);
      return 2;
    }
    if (args.help) {
      process.stdout.write(`${TRAFFIC_USAGE}\n`);
      return 0;
    }
    const { help: _help, ...options } = args;
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    process.once('SIGTERM', () => stop.abort());
    logger.info({ traffic: options }, 'traffic started');
    const summary = await runTraffic({
      ...options,
      signal: stop.signal,
      onResult: (result) => {
        if (!result.expected) logger.warn({ traffic: result }, 'unexpected response');
      },
    });
    const ok = summary.unexpected === 0;
    logger[ok ? 'info' : 'error'](
      { traffic: summary },
      ok ? 'traffic finished' : 'traffic finished with unexpected responses',
    );
    return ok ? 0 : 1;
  } finally {
    await flushLogger(logger);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
