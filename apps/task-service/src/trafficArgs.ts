import { parseArgs } from 'node:util';
import { parseTrafficDuration } from './trafficDuration.js';
import type { TrafficOptions } from './trafficGenerator.js';

export const TRAFFIC_USAGE = `Usage: node traffic.mjs [--url http://127.0.0.1:8080] [--duration 10s] [--rate 20]
                       [--concurrency 32] [--timeout 10s] [--no-faults]

Sends a mix of task API requests (CRUD, 4xx, and with faults on: 500s and slow requests)
at --rate requests/s for --duration. Exit 0 when every answer was as expected, 1 otherwise,
2 on invalid arguments. The 500 and slow requests need ENABLE_FAULTS=true on the service.`;

/** Invalid command line; the message names the offending option. */
export class TrafficArgsError extends Error {
  override name = 'TrafficArgsError';
}

export type TrafficArgs = { help: true } | ({ help: false } & Omit<TrafficOptions, 'random' | 'signal' | 'onResult'>);

function positiveNumber(name: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new TrafficArgsError(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${text}"`);
  }
  return value;
}

function duration(name: string, text: string): number {
  try {
    return parseTrafficDuration(text);
  } catch (err) {
    throw new TrafficArgsError(`--${name}: ${(err as Error).message}`);
  }
}

export function parseTrafficArgs(argv: readonly string[]): TrafficArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (err) {
    throw new TrafficArgsError((err as Error).message);
  }
  if (values.help) return { help: true };
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new TrafficArgsError(`--url must be an absolute http(s) URL, got "${values.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TrafficArgsError(`--url must use http or https, got "${values.url}"`);
  }
  return {
    help: false,
    url: url.toString(),
    durationMs: duration('duration', values.duration),
    rate: positiveNumber('rate', values.rate, false),
    concurrency: positiveNumber('concurrency', values.concurrency, true),
    timeoutMs: duration('timeout', values.timeout),
    faults: !values['no-faults'],
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:8080' },
      duration: { type: 'string', default: '10s' },
      rate: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '32' },
      timeout: { type: 'string', default: '10s' },
      'no-faults': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
