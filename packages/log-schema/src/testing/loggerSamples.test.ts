import { once } from 'node:events';
import { createServer, request } from 'node:http';
import { Writable } from 'node:stream';
import bunyan from 'bunyan';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import { liftRecord } from '../lift/liftRecord.js';
import { LOGGER_SAMPLES } from './loggerSamples.js';

type Json = Record<string, unknown>;

/** A stream that keeps each JSON line written to it. */
function capture(): { stream: Writable; lines: Json[] } {
  const lines: Json[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Json);
      done();
    },
  });
  return { stream, lines };
}

/** The shape of a line: its keys at every depth, with each value's JSON type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
  }
  return value === null ? 'null' : typeof value;
}

/** The typed fields the lift takes from a line (what must not differ between the sample and the real line). */
function lifted(line: Json): Json {
  const { time: _time, ...doc } = liftRecord({ app: line }, 0);
  return { ...doc, app: undefined, hasTime: _time !== new Date(0).toISOString() };
}

function expectLikeSample(real: Json, sample: string, ignore: readonly string[] = []): void {
  const sampleLine = JSON.parse(sample) as Json;
  const strip = (line: Json) => Object.fromEntries(Object.entries(line).filter(([key]) => !ignore.includes(key)));
  expect(shape(strip(real))).toEqual(shape(strip(sampleLine)));
  expect(lifted(real)).toEqual(lifted(sampleLine));
}

describe('logger samples are what the libraries print', () => {
  it('pino', () => {
    const { stream, lines } = capture();
    const logger = pino(stream);
    logger.info({ port: 8080 }, 'listening');
    logger.error(Object.assign(new Error('card declined')), 'payment failed');
    expectLikeSample(lines[0] as Json, LOGGER_SAMPLES.pino);
    const error = lines[1] as Json;
    expect(shape(error)).toMatchObject(shape(JSON.parse(LOGGER_SAMPLES.pinoError)) as Json);
    expect(lifted(error)).toMatchObject({ level: 'error', message: 'payment failed', error: { type: 'Error' } });
  });

  it('pino-http', async () => {
    const { stream, lines } = capture();
    const server = createServer((req, res) => {
      pinoHttp({ logger: pino(stream) })(req, res);
      res.setHeader('content-type', 'application/json');
      res.end('[]');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    const done = new Promise<void>((resolve, reject) => {
      request(
        { host: '127.0.0.1', port, path: '/api/tasks?limit=5', headers: { 'user-agent': 'curl/8.5.0' } },
        (res) => {
          res.resume().on('end', resolve);
        },
      )
        .on('error', reject)
        .end();
    });
    await done;
    server.close();
    const line = lines.find((entry) => entry.msg === 'request completed') as Json;
    expect(lifted(line)).toMatchObject({
      level: 'info',
      message: 'request completed',
      http: { request: { method: 'GET' }, response: { status_code: 200 } },
      url: { path: '/api/tasks' },
      user_agent: { original: 'curl/8.5.0' },
    });
    expect(typeof (lifted(line).http as { server: { duration_ms: unknown } }).server.duration_ms).toBe('number');
    expect(Object.keys(shape(line) as Json).sort()).toEqual(
      Object.keys(shape(JSON.parse(LOGGER_SAMPLES.pinoHttp)) as Json).sort(),
    );
  });

  it('bunyan', () => {
    const { stream, lines } = capture();
    bunyan.createLogger({ name: 'orders', stream }).warn('slow query');
    expectLikeSample(lines[0] as Json, LOGGER_SAMPLES.bunyan);
  });

  it('winston', () => {
    const { stream, lines } = capture();
    const logger = winston.createLogger({
      format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
      defaultMeta: { service: 'payments' },
      transports: [new winston.transports.Stream({ stream })],
    });
    logger.error('payment failed');
    expectLikeSample(lines[0] as Json, LOGGER_SAMPLES.winston);
  });
});
