import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerOptions } from './createLogger.js';
import { LoggerOptionError } from './loggerOptionError.js';

function attempt(options: unknown): unknown {
  try {
    createLogger({ handleExit: false, env: {}, destination: { write() {} }, ...(options as LoggerOptions) });
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('invalid logger options', () => {
  it.each([
    [{ level: 'verbose' }, 'level'],
    [{ level: 'WARN' }, 'level'],
    [{ level: 30 }, 'level'],
    [{ env: { LOG_LEVEL: 'loud' } }, 'level'],
    [{ redact: ['a..b'] }, 'redact[0]'],
    [{ redact: ['ok.path', 'trailing.'] }, 'redact[1]'],
    [{ redact: ['a[b'] }, 'redact[0]'],
    [{ redact: [''] }, 'redact[0]'],
    [{ redact: 'password' }, 'redact'],
    [{ service: 'billing' }, 'service'],
    [{ service: { name: 42 } }, 'service.name'],
    [{ service: { name: '' } }, 'service.name'],
    [{ service: { version: ['1'] } }, 'service.version'],
    [{ service: { owner: 'me' } }, 'service.owner'],
    [{ maxLineBytes: 100 }, 'maxLineBytes'],
    [{ maxLineBytes: 2000.5 }, 'maxLineBytes'],
    [{ destination: 'stdout' }, 'destination'],
    [{ bindings: 'x' }, 'bindings'],
    [{ handleExit: 'yes' }, 'handleExit'],
    [{ colour: true }, 'colour'],
  ])('rejects %j naming %s', (options, option) => {
    const err = attempt(options);
    expect(err).toBeInstanceOf(LoggerOptionError);
    expect((err as LoggerOptionError).option).toBe(option);
    expect((err as Error).message).toContain(`"${option}"`);
  });

  it('accepts valid redact paths in pino syntax', () => {
    expect(attempt({ redact: ['user.ssn', '*.card', 'headers["x-secret-header"]', 'items[0].pin'] })).toBeUndefined();
  });

  it('accepts silent and writes nothing', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'silent',
      handleExit: false,
      destination: { write: (l) => void lines.push(l) },
    });
    logger.fatal('not written');
    expect(lines).toEqual([]);
  });
});
