import type { LogRecord } from '@loglift/log-schema';
import { createLogger, type Logger } from '@loglift/logger';

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines: LogRecord[];
  /** Lines whose message equals `message`. */
  withMessage(message: string): LogRecord[];
}

/** A real @loglift/logger writing into memory, so tests assert on parsed lines. */
export function captureLogs(level: LogRecord['level'] = 'info'): CapturedLogs {
  const lines: LogRecord[] = [];
  const logger = createLogger({
    level,
    service: { name: 'task-service-test' },
    handleExit: false,
    destination: {
      write(chunk: string) {
        for (const line of chunk.split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogRecord);
      },
    },
  });
  return { logger, lines, withMessage: (message) => lines.filter((line) => line.message === message) };
}
