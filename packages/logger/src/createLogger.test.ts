import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { lineSink } from './testing/lineSink.js';

function setup(options: Parameters<typeof createLogger>[0] = {}) {
  const sink = lineSink();
  const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream, ...options });
  return { sink, logger };
}

describe('createLogger record shape', () => {
  it('writes level as a lowercase label, time as ISO UTC with milliseconds, and one message key', () => {
    const { sink, logger } = setup();
    logger.warn('disk almost full');
    const record = sink.last();
    expect(record.level).toBe('warn');
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(record.time) - Date.now())).toBeLessThan(5_000);
    expect(record.message).toBe('disk almost full');
    expect(Object.keys(record).filter((key) => /^(msg|message)$/.test(key))).toEqual(['message']);
    expect(record).not.toHaveProperty('pid');
    expect(record).not.toHaveProperty('hostname');
  });

  it('takes service fields from options before the environment', () => {
    const { sink, logger } = setup({
      service: { name: 'billing', version: '1.2.3' },
      env: { OTEL_SERVICE_NAME: 'ignored', SERVICE_VERSION: '9', DEPLOYMENT_ENVIRONMENT: 'staging' },
    });
    logger.info('x');
    expect(sink.last().service).toEqual({ name: 'billing', version: '1.2.3', environment: 'staging' });
  });

  it('reads service and pod identity from the environment the chart sets', () => {
    const { sink, logger } = setup({
      env: {
        OTEL_SERVICE_NAME: 'task-service',
        SERVICE_VERSION: '0.1.0',
        DEPLOYMENT_ENVIRONMENT: 'production',
        POD_NAME: 'task-service-7d9f-abcde',
        POD_NAMESPACE: 'apps',
        NODE_NAME: 'node-1',
      },
    });
    logger.info('x');
    const record = sink.last();
    expect(record.service).toEqual({ name: 'task-service', version: '0.1.0', environment: 'production' });
    expect(record.k8s).toEqual({
      pod: { name: 'task-service-7d9f-abcde' },
      namespace: { name: 'apps' },
      node: { name: 'node-1' },
    });
  });

  it('falls back to the OpenTelemetry default service name and writes no k8s fields outside a pod', () => {
    const { sink, logger } = setup();
    logger.info('x');
    expect(sink.last().service).toEqual({ name: 'unknown_service:node' });
    expect(sink.last()).not.toHaveProperty('k8s');
  });

  it('uses LOG_LEVEL when no level option is given, and the option over LOG_LEVEL', () => {
    const fromEnv = setup({ env: { LOG_LEVEL: 'WARN' } });
    fromEnv.logger.info('dropped');
    fromEnv.logger.warn('kept');
    expect(fromEnv.sink.records().map((r) => r.message)).toEqual(['kept']);

    const fromOption = setup({ level: 'debug', env: { LOG_LEVEL: 'error' } });
    fromOption.logger.debug('kept');
    expect(fromOption.sink.records().map((r) => r.level)).toEqual(['debug']);
  });

  it('defaults to info', () => {
    const { sink, logger } = setup();
    logger.debug('dropped');
    logger.info('kept');
    expect(sink.records().map((r) => r.message)).toEqual(['kept']);
  });

  it('writes extra bindings on every line and child bindings on the child’s lines', () => {
    const { sink, logger } = setup({ bindings: { component: 'api' } });
    const child = logger.child({ job: { id: 'j1' } });
    child.info('from child');
    logger.info('from parent');
    const [fromChild, fromParent] = sink.records();
    expect(fromChild).toMatchObject({ component: 'api', job: { id: 'j1' }, message: 'from child' });
    expect(fromParent).toMatchObject({ component: 'api', message: 'from parent' });
    expect(fromParent).not.toHaveProperty('job');
  });

  it('writes each key once when a child or a call repeats a bound key, merging objects', () => {
    const { sink, logger } = setup({ service: { name: 'svc' }, bindings: { component: 'api' } });
    const child = logger.child({ component: 'db', service: { version: '2' } });
    child.info({ component: 'query', service: { environment: 'test' } }, 'repeat');
    const line = sink.lines[0] ?? '';
    expect(line.match(/"component":/g)).toHaveLength(1);
    expect(line.match(/"service":/g)).toHaveLength(1);
    expect(sink.last()).toMatchObject({
      component: 'query',
      service: { name: 'svc', version: '2', environment: 'test' },
    });
  });

  it('keeps the logger’s own time and level when a call passes keys of the same name', () => {
    const { sink, logger } = setup();
    logger.info({ level: 7, time: 'yesterday', message: 'from object' }, 'from argument');
    const record = sink.last();
    expect(record).toMatchObject({ level: 'info', level_: 7, time_: 'yesterday', message: 'from argument' });
    expect(record.message_).toBe('from object');
    expect(sink.lines[0]?.match(/"level":/g)).toHaveLength(1);
  });

  it('uses a message key in the object when no message argument is given', () => {
    const { sink, logger } = setup();
    logger.info({ message: 'only here' });
    logger.info({ message: { not: 'a string' } });
    expect(sink.records().map((r) => r.message)).toEqual(['only here', '{"not":"a string"}']);
  });

  it('formats printf-style arguments and stringifies non-string messages', () => {
    const { sink, logger } = setup();
    logger.info('user %s has %d tasks', 'ann', 3);
    logger.info(42 as unknown as string);
    expect(sink.records().map((r) => r.message)).toEqual(['user ann has 3 tasks', '42']);
  });
});
