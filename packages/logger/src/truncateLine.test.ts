import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { lineSink } from './testing/lineSink.js';
import { truncateLine } from './truncateLine.js';

function setup(maxLineBytes?: number) {
  const sink = lineSink();
  const logger = createLogger({
    handleExit: false,
    env: { OTEL_SERVICE_NAME: 'svc' },
    destination: sink.stream,
    ...(maxLineBytes ? { maxLineBytes } : {}),
  });
  return { sink, logger };
}

const bytes = (line: string | undefined) => Buffer.byteLength(line ?? '');

describe('line size cap', () => {
  it('leaves lines under the cap untouched and unmarked', () => {
    const { sink, logger } = setup();
    logger.info({ value: 'x'.repeat(15_000) }, 'fits');
    expect(sink.last()).not.toHaveProperty('log');
    expect((sink.last() as unknown as { value: string }).value).toHaveLength(15_000);
  });

  it('caps lines at 16000 bytes by default and marks them', () => {
    const { sink, logger } = setup();
    logger.info({ value: 'x'.repeat(40_000), small: 'kept' }, 'too long');
    const record = sink.last();
    expect(bytes(sink.lines[0])).toBeLessThanOrEqual(16_000);
    expect(record.log).toEqual({ truncated: true, original_size: expect.any(Number) });
    expect(record.log?.original_size).toBeGreaterThan(16_000);
    expect(record).toMatchObject({ message: 'too long', small: 'kept', service: { name: 'svc' } });
  });

  it('honours a configured cap', () => {
    const { sink, logger } = setup(2_000);
    logger.info({ value: 'y'.repeat(5_000) }, 'm');
    expect(bytes(sink.lines[0])).toBeLessThanOrEqual(2_000);
    expect(sink.last().log?.truncated).toBe(true);
  });

  it('counts bytes, not characters, for multi-byte text', () => {
    const { sink, logger } = setup(2_000);
    logger.info({ value: '€'.repeat(1_000) }, 'euros');
    expect(bytes(sink.lines[0])).toBeLessThanOrEqual(2_000);
    expect(sink.last().log?.truncated).toBe(true);
  });

  it('keeps the identifying fields when many fields overflow the cap', () => {
    const { sink, logger } = setup(1_024);
    const many = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`field${i}`, i]));
    logger.error({ ...many, error: new Error('failed') }, 'm'.repeat(3_000));
    const record = sink.last();
    expect(bytes(sink.lines[0])).toBeLessThanOrEqual(1_024);
    expect(record).toMatchObject({
      level: 'error',
      service: { name: 'svc' },
      error: { type: 'Error' },
      log: { truncated: true },
    });
    expect(record.message?.startsWith('mmm')).toBe(true);
    expect(record.message?.endsWith('...[truncated]')).toBe(true);
  });

  it('fits even a message made only of characters JSON escapes', () => {
    const line = `${JSON.stringify({ time: 't', level: 'info', message: '\u0001'.repeat(5_000) })}\n`;
    const out = truncateLine(line, 1_024);
    expect(bytes(out)).toBeLessThanOrEqual(1_024);
    expect(JSON.parse(out)).toMatchObject({ level: 'info', log: { truncated: true } });
  });

  it('does not split a surrogate pair when cutting', () => {
    const { sink, logger } = setup(1_024);
    logger.info({ value: '😀'.repeat(2_000) }, 'emoji');
    const value = (sink.last() as { value?: string }).value ?? '';
    expect(value).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
