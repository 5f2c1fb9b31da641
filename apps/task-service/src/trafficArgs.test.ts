import { describe, expect, it } from 'vitest';
import { parseTrafficArgs } from './trafficArgs.js';

describe('parseTrafficArgs', () => {
  it('applies defaults', () => {
    expect(parseTrafficArgs([])).toEqual({
      help: false,
      url: 'http://127.0.0.1:8080/',
      durationMs: 10_000,
      rate: 20,
      concurrency: 32,
      timeoutMs: 10_000,
      faults: true,
    });
  });

  it('reads every option', () => {
    expect(
      parseTrafficArgs([
        '--url',
        'http://tasks:8080',
        '--duration',
        '2m',
        '--rate',
        '2.5',
        '--concurrency',
        '4',
        '--timeout',
        '500ms',
        '--no-faults',
      ]),
    ).toEqual({
      help: false,
      url: 'http://tasks:8080/',
      durationMs: 120_000,
      rate: 2.5,
      concurrency: 4,
      timeoutMs: 500,
      faults: false,
    });
    expect(parseTrafficArgs(['-h'])).toEqual({ help: true });
  });

  it('names the offending option in errors', () => {
    expect(() => parseTrafficArgs(['--rate', 'fast'])).toThrow('--rate must be a positive number, got "fast"');
    expect(() => parseTrafficArgs(['--concurrency', '1.5'])).toThrow(/--concurrency must be a positive integer/);
    expect(() => parseTrafficArgs(['--duration', '10'])).toThrow(/--duration: "10" is not a duration/);
    expect(() => parseTrafficArgs(['--url', 'tasks:8080'])).toThrow(/--url must use http or https/);
    expect(() => parseTrafficArgs(['--url', 'not a url'])).toThrow(/--url must be an absolute/);
    expect(() => parseTrafficArgs(['--speed', '3'])).toThrow(/speed/);
  });
});
