import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.js';
import { buildTestApp } from './testing/testApp.js';

const running: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.shutdown('test cleanup')));
});

async function start(shutdownGraceMs: number) {
  const test = buildTestApp({ enableFaults: true }, { started: false });
  const server = await startServer({
    app: test.app,
    port: 0,
    host: '127.0.0.1',
    logger: test.logs.logger,
    health: test.health,
    shutdownGraceMs,
  });
  running.push(server);
  return { ...test, server, url: `http://127.0.0.1:${server.port}` };
}

describe('startServer', () => {
  it('drains an in-flight request before closing and refuses new connections', async () => {
    const { server, url, logs } = await start(5000);
    const arrived = once(server.server, 'request');
    const slow = fetch(`${url}/api/tasks?delayMs=1000`);
    await arrived;
    const shutdown = server.shutdown('SIGTERM');
    const readiness = await fetch(`${url}/health/readiness`).catch((err: Error) => err);
    const response = await slow;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(await shutdown).toEqual({ drained: true });
    // Either the listener was already closed, or it answered "draining".
    if (readiness instanceof Response) expect(readiness.status).toBe(503);
    await expect(fetch(`${url}/health/liveness`)).rejects.toThrow();
    expect(logs.withMessage('shutdown started')[0]).toMatchObject({ shutdown: { reason: 'SIGTERM', in_flight: 1 } });
    expect(logs.withMessage('server closed')[0]).toMatchObject({ shutdown: { drained: true } });
  });

  it('closes connections still busy when the grace period ends', async () => {
    const { server, url, logs } = await start(200);
    const arrived = once(server.server, 'request');
    const slow = fetch(`${url}/api/tasks?delayMs=5000`).catch((err: Error) => err);
    await arrived;
    const started = performance.now();
    expect(await server.shutdown('SIGTERM')).toEqual({ drained: false });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await slow).toBeInstanceOf(Error);
    expect(logs.withMessage('shutdown grace expired, closing connections')).toHaveLength(1);
  });

  it('returns the same shutdown for repeated signals', async () => {
    const { server } = await start(1000);
    const first = server.shutdown('SIGTERM');
    expect(server.shutdown('SIGINT')).toBe(first);
    await first;
  });

  it('marks startup complete once listening and reports a busy port', async () => {
    const { server, health, logs } = await start(1000);
    expect(health.started).toBe(true);
    expect(logs.withMessage('server listening')[0]).toMatchObject({ server: { port: server.port } });
    const second = buildTestApp({}, { started: false });
    await expect(
      startServer({
        app: second.app,
        port: server.port,
        host: '127.0.0.1',
        logger: second.logs.logger,
        health: second.health,
        shutdownGraceMs: 100,
      }),
    ).rejects.toThrow(/EADDRINUSE/);
    expect(second.health.started).toBe(false);
  });
});
