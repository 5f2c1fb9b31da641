import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { flushLogger } from './flushLogger.js';

describe('flushLogger', () => {
  it('resolves immediately for a destination with nothing buffered', async () => {
    const logger = createLogger({ handleExit: false, env: {}, destination: { write() {} } });
    logger.info('x');
    await expect(flushLogger(logger)).resolves.toBeUndefined();
  });

  it('waits until a Node stream destination has drained', async () => {
    const written: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk, _encoding, callback) {
        written.push(String(chunk));
        release = callback;
      },
    });
    const logger = createLogger({ handleExit: false, env: {}, destination: slow });
    logger.info('first');
    logger.info('second');
    let flushed = false;
    const flushing = flushLogger(logger).then(() => {
      flushed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flushed).toBe(false);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await flushing;
    expect(flushed).toBe(true);
    expect(written.map((line) => JSON.parse(line).message)).toEqual(['first', 'second']);
  });
});
