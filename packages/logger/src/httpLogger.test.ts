import { createServer, type ServerResponse } from 'node:http';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { type HttpLoggerOptions, httpLogger } from './httpLogger.js';
import { getLogContext } from './logContext.js';
import { LoggerOptionError } from './loggerOptionError.js';
import { lineSink } from './testing/lineSink.js';

function setup(options: Omit<HttpLoggerOptions, 'logger'> = {}) {
  const sink = lineSink();
  const logger = createLogger({ handleExit: false, env: { OTEL_SERVICE_NAME: 'tasks' }, destination: sink.stream });
  const app = express();
  app.set('trust proxy', false);
  app.use(httpLogger({ logger, ...options }));
  const tasks = express.Router();
  tasks.get('/:id', (req, res) => {
    req.log.info({ task: { id: req.params.id } }, 'loading task');
    setTimeout(() => {
      logger.info('async work for the same request');
      res.json({ id: req.params.id, title: 'secret body text' });
    }, 5);
  });
  tasks.post('/', express.json(), (_req, res) => {
    res.status(201).json({ created: true });
  });
  app.use('/api/tasks', tasks);
  app.get('/boom', () => {
    throw new Error('handler failed');
  });
  app.get('/health/liveness', (_req, res) => {
    res.send('ok');
  });
  app.get('/metrics', (_req, res) => {
    res.send('# metrics');
  });
  app.get('/teapot', (_req, res) => {
    res.status(418).end();
  });
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    (res as unknown as { err: Error }).err = err;
    res.status(500).send('failed');
  });
  return { sink, logger, app };
}

const requestLines = (sink: ReturnType<typeof lineSink>) =>
  sink.records().filter((r) => r.http?.response || r.http?.server);

describe('httpLogger', () => {
  it('writes one line per request with the contract fields and the route template', async () => {
    const { sink, app } = setup();
    const response = await request(app).get('/api/tasks/42?verbose=1').set('user-agent', 'curl/8.5');
    expect(response.status).toBe(200);
    const lines = requestLines(sink);
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line).toMatchObject({
      level: 'info',
      message: 'GET /api/tasks/42 200',
      http: {
        request: { method: 'GET', id: response.headers['x-request-id'] },
        route: '/api/tasks/:id',
        response: { status_code: 200, body: { size: Buffer.byteLength(response.text) } },
      },
      url: { path: '/api/tasks/42' },
      user_agent: { original: 'curl/8.5' },
      client: { address: '127.0.0.1' },
      service: { name: 'tasks' },
    });
    expect(line?.http?.server?.duration_ms).toBeGreaterThanOrEqual(4);
  });

  it('never writes request or response bodies, query strings or headers other than User-Agent', async () => {
    const { sink, app } = setup();
    await request(app).post('/api/tasks?token=abc').set('authorization', 'Bearer xyz').send({ title: 'my body text' });
    await request(app).get('/api/tasks/7');
    const text = sink.lines.join('');
    expect(text).not.toMatch(/my body text|secret body text|Bearer xyz|token=abc/);
  });

  it('puts the request id and trace ids on every line written while handling the request', async () => {
    const { sink, app } = setup();
    const traceparent = `00-${'4bf92f3577b34da6a3ce929d0e0e4736'}-${'00f067aa0ba902b7'}-01`;
    await request(app).get('/api/tasks/1').set('x-request-id', 'req-abc-123').set('traceparent', traceparent);
    const records = sink.records();
    expect(records.map((r) => r.message)).toEqual([
      'loading task',
      'async work for the same request',
      'GET /api/tasks/1 200',
    ]);
    for (const record of records) {
      expect(record).toMatchObject({
        http: { request: { id: 'req-abc-123' } },
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        span_id: '00f067aa0ba902b7',
        trace_flags: '01',
      });
    }
  });

  it('honours a sane incoming x-request-id and echoes it', async () => {
    const { app } = setup();
    const response = await request(app).get('/api/tasks/1').set('x-request-id', '01HZX3K9QJ7W2N8M4P5R6S7T8V');
    expect(response.headers['x-request-id']).toBe('01HZX3K9QJ7W2N8M4P5R6S7T8V');
  });

  it.each([
    ['missing', undefined],
    ['too long', 'a'.repeat(200)],
    ['with spaces', 'has spaces'],
    ['with quotes', '"><script>'],
  ])('replaces a %s x-request-id with a UUID', async (_name, incoming) => {
    const { sink, app } = setup();
    const req = request(app).get('/teapot');
    if (incoming !== undefined) req.set('x-request-id', incoming);
    const response = await req;
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sink.last().http?.request?.id).toBe(id);
  });

  it('uses genReqId when given', async () => {
    let n = 0;
    const { app } = setup({ genReqId: () => `gen-${++n}` });
    const response = await request(app).get('/teapot');
    expect(response.headers['x-request-id']).toBe('gen-1');
  });

  it('sets the level by status: 5xx error, 4xx warn, else info', async () => {
    const { sink, app } = setup();
    await request(app).get('/boom');
    await request(app).get('/teapot');
    await request(app).get('/no/such/route');
    await request(app).post('/api/tasks').send({});
    expect(requestLines(sink).map((r) => [r.http?.response?.status_code, r.level])).toEqual([
      [500, 'error'],
      [418, 'warn'],
      [404, 'warn'],
      [201, 'info'],
    ]);
  });

  it('attaches an error the app sets on res.err', async () => {
    const { sink, app } = setup();
    await request(app).get('/boom');
    expect(requestLines(sink)[0]).toMatchObject({ error: { type: 'Error', message: 'handler failed' } });
  });

  it('skips health and metrics paths by default but still sets the request id', async () => {
    const { sink, app } = setup();
    const health = await request(app).get('/health/liveness');
    await request(app).get('/metrics');
    expect(health.headers['x-request-id']).toBeDefined();
    expect(sink.lines).toEqual([]);
  });

  it('takes custom ignore paths, strings matching a path and everything below it', async () => {
    const { sink, app } = setup({ ignorePaths: ['/api/tasks', /^\/tea/] });
    await request(app).get('/api/tasks/1');
    await request(app).get('/teapot');
    await request(app).get('/metrics');
    expect(requestLines(sink).map((r) => r.url?.path)).toEqual(['/metrics']);
  });

  it('gives each request one req.log, which a handler may replace', async () => {
    const sink = lineSink();
    const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream });
    const app = express();
    app.use(httpLogger({ logger }));
    app.get('/replaced', (req, res) => {
      const replacement = logger.child({ component: 'replaced' });
      req.log = replacement;
      res.json({ replaced: req.log === replacement });
    });
    app.get('/stable', (req, res) => {
      // req.log is made on first use: a second read must give that same logger.
      const first = req.log;
      res.json({ stable: first === req.log });
    });
    expect((await request(app).get('/stable')).body).toEqual({ stable: true });
    expect((await request(app).get('/replaced')).body).toEqual({ replaced: true });
  });

  it('binds req.log to the request in routers, mounted apps and plain node:http', async () => {
    const sink = lineSink();
    const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream });
    const idOf = (log: { bindings(): Record<string, unknown> }) =>
      (log.bindings() as { http?: { request?: { id?: string } } }).http?.request?.id;
    const app = express();
    app.use(httpLogger({ logger }));
    const admin = express();
    admin.get('/who', (req, res) => {
      res.json({ id: idOf(req.log) });
    });
    app.use('/admin', admin);
    app.get('/who', (req, res) => {
      res.json({ id: idOf(req.log) });
    });
    // An app without the middleware shares Express's request prototype: it sees no req.log,
    // and may set its own.
    const other = express();
    other.get('/who', (req, res) => {
      const before = req.log;
      req.log = logger;
      res.json({ before: before === undefined, set: req.log === logger });
    });
    expect((await request(app).get('/who').set('x-request-id', 'top-1')).body).toEqual({ id: 'top-1' });
    expect((await request(app).get('/admin/who').set('x-request-id', 'sub-1')).body).toEqual({ id: 'sub-1' });
    expect((await request(other).get('/who')).body).toEqual({ before: true, set: true });

    const middleware = httpLogger({ logger });
    const server = createServer((req, res) => {
      middleware(req, res, () => {
        res.end(idOf(req.log));
      });
    });
    const response = await request(server).get('/plain').set('x-request-id', 'plain-1');
    expect(response.text).toBe('plain-1');
    expect(sink.last()).toMatchObject({ message: 'GET /plain 200', http: { request: { id: 'plain-1' } } });
  });

  it('writes no request line below the logger level, and the next log call is still made safe', async () => {
    const sink = lineSink();
    const logger = createLogger({ handleExit: false, env: {}, level: 'warn', destination: sink.stream });
    const app = express();
    app.use(httpLogger({ logger }));
    app.get('/ok', (_req, res) => {
      res.send('ok');
    });
    await request(app).get('/ok');
    expect(sink.lines).toEqual([]);
    const hostile = { amount: 10n, nested: { fn: () => 1 } };
    logger.warn(hostile, 'after');
    expect(sink.last()).toMatchObject({ amount: '10', message: 'after' });
  });

  it('merges request fields into the same keys of the logger bindings, writing each key once', async () => {
    const sink = lineSink();
    const logger = createLogger({
      handleExit: false,
      env: {},
      bindings: { client: { name: 'edge' } },
      destination: sink.stream,
    });
    const app = express();
    app.set('trust proxy', false);
    app.use(httpLogger({ logger }));
    app.get('/ok', (_req, res) => {
      res.send('ok');
    });
    await request(app).get('/ok');
    const line = sink.lines[sink.lines.length - 1] ?? '';
    expect(line.match(/"client":/g)).toHaveLength(1);
    expect(sink.last().client).toEqual({ name: 'edge', address: '127.0.0.1' });
  });

  it.each([
    ['a string', 'plain failure', { type: 'string', message: 'plain failure' }],
    [
      'an object with a throwing getter',
      {
        get message() {
          throw new Error('no');
        },
      },
      { type: 'Object' },
    ],
  ])('serializes res.err when it is %s', async (_name, failure, expected) => {
    const { sink, logger } = setup();
    const app = express();
    app.use(httpLogger({ logger }));
    app.get('/fail', (_req, res) => {
      (res as unknown as { err: unknown }).err = failure;
      res.status(500).send('failed');
    });
    await request(app).get('/fail');
    expect(requestLines(sink)[0]).toMatchObject({ level: 'error', error: expected });
  });

  it('counts streamed body bytes with Express, with plain node:http, and through a wrapper set before it', async () => {
    const sink = lineSink();
    const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream });
    const stream = (res: ServerResponse) => {
      res.write('abc');
      res.write(Buffer.from('défg'));
      res.end('hi', 'utf8');
    };
    const app = express();
    // Set before the request logger, as a compression middleware might: its bytes still count.
    app.use('/wrapped', (_req, res, next) => {
      const write = res.write;
      res.write = function upper(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
        return (write as (...args: unknown[]) => boolean).call(this, String(chunk).toUpperCase(), ...rest);
      } as typeof res.write;
      next();
    });
    app.use(httpLogger({ logger }));
    app.get('/stream', (_req, res) => stream(res));
    app.get('/wrapped', (_req, res) => stream(res));
    // A second app without the middleware shares Express's response prototype and is unaffected.
    const other = express();
    other.get('/stream', (_req, res) => stream(res));
    const middleware = httpLogger({ logger });
    const plain = createServer((req, res) => middleware(req, res, () => stream(res)));

    expect((await request(app).get('/stream')).text).toBe('abcdéfghi');
    expect(sink.last().http?.response?.body?.size).toBe(3 + 5 + 2);
    expect((await request(app).get('/wrapped')).text).toBe('ABCDÉFGhi');
    expect(sink.last().http?.response?.body?.size).toBe(3 + 5 + 2);
    expect(sink.last().http?.route).toBe('/wrapped');
    expect((await request(plain).get('/plain')).text).toBe('abcdéfghi');
    expect(sink.last()).toMatchObject({ url: { path: '/plain' }, http: { response: { body: { size: 10 } } } });
    const lines = sink.lines.length;
    expect((await request(other).get('/stream')).text).toBe('abcdéfghi');
    expect(sink.lines).toHaveLength(lines);
  });

  it('logs a request the client abandons', async () => {
    const sink = lineSink();
    const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream });
    const middleware = httpLogger({ logger });
    let arrived: () => void = () => undefined;
    let closed: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const responseClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const server = createServer((req, res) => {
      // Registered after the middleware's own listener, so the line is written when this runs.
      middleware(req, res, () => undefined);
      res.once('close', closed);
      arrived();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const controller = new AbortController();
    const pending = fetch(`http://127.0.0.1:${port}/slow`, { signal: controller.signal }).catch(() => undefined);
    await requestArrived;
    controller.abort();
    await Promise.all([pending, responseClosed]);
    server.closeAllConnections();
    server.close();
    expect(sink.last()).toMatchObject({
      level: 'warn',
      message: 'GET /slow aborted by the client',
      url: { path: '/slow' },
    });
    expect(sink.last().http?.response?.status_code).toBeUndefined();
  });

  it('leaves no context behind after the request', async () => {
    const { app } = setup();
    await request(app).get('/api/tasks/1');
    expect(getLogContext()).toBeUndefined();
  });

  it.each([
    [{}, 'logger'],
    [{ logger: {} }, 'logger'],
    [{ ignorePaths: 'health' }, 'ignorePaths'],
    [{ ignorePaths: ['health'] }, 'ignorePaths[0]'],
    [{ genReqId: 'uuid' }, 'genReqId'],
  ])('rejects invalid options %j naming %s', (options, option) => {
    const logger = createLogger({ handleExit: false, destination: { write() {} } });
    const withLogger = 'logger' in options || option === 'logger' ? options : { logger, ...options };
    expect(() => httpLogger(withLogger as HttpLoggerOptions)).toThrow(LoggerOptionError);
    expect(() => httpLogger(withLogger as HttpLoggerOptions)).toThrow(`"${option}"`);
  });
});
