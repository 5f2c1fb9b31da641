import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from './errorHandler.js';
import { InMemoryTaskStore } from './inMemoryTaskStore.js';
import { buildTestApp } from './testing/testApp.js';

class BrokenStore extends InMemoryTaskStore {
  override async list(): Promise<never> {
    throw new TypeError('connection pool exhausted');
  }
}

describe('server errors', () => {
  it('answer 500 with the request id and log the error with its stack and request id', async () => {
    const { app, logs } = buildTestApp({ store: new BrokenStore() });
    const res = await request(app).get('/api/tasks').set('x-request-id', 'req-500').expect(500);
    expect(res.body).toEqual({
      error: { code: 'internal_error', message: 'Internal server error', requestId: 'req-500' },
    });
    const failures = logs.withMessage('request failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      level: 'error',
      message: 'request failed',
      http: { request: { id: 'req-500' } },
      error: { type: 'TypeError', message: 'connection pool exhausted', stack_trace: expect.stringContaining('list') },
    });
    // The request line reports the 500 as well, at error level, with the same id.
    const requestLine = logs.lines.find((line) => line.http?.response?.status_code === 500);
    expect(requestLine).toMatchObject({ level: 'error', http: { request: { id: 'req-500' } } });
  });

  it('generate a request id for the body when the client sent none', async () => {
    const { app } = buildTestApp({ store: new BrokenStore() });
    const res = await request(app).get('/api/tasks').expect(500);
    const { requestId } = (res.body as ErrorBody).error;
    expect(requestId).toEqual(expect.any(String));
    expect(res.headers['x-request-id']).toBe(requestId);
  });

  it('keep the request id on error lines when request lines are off', async () => {
    const { app, logs } = buildTestApp({ store: new BrokenStore(), logRequests: false });
    const res = await request(app).get('/api/tasks').set('x-request-id', 'req-quiet').expect(500);
    expect((res.body as ErrorBody).error.requestId).toBe('req-quiet');
    expect(res.headers['x-request-id']).toBe('req-quiet');
    expect(logs.lines).toEqual([
      expect.objectContaining({ message: 'request failed', http: { request: { id: 'req-quiet' } } }),
    ]);
  });
});

describe('fault routes', () => {
  it('are absent unless enabled', async () => {
    const { app } = buildTestApp();
    await request(app).get('/api/debug/fail').expect(404);
  });

  it('answer 500 from /api/debug/fail with the error code and cause logged', async () => {
    const { app, logs } = buildTestApp({ enableFaults: true });
    const res = await request(app).post('/api/debug/fail').set('x-request-id', 'req-fail').expect(500);
    expect((res.body as ErrorBody).error.requestId).toBe('req-fail');
    expect(logs.withMessage('request failed')).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ type: 'SimulatedFailure', code: 'ESIMULATED' }) }),
    ]);
  });

  it('delay a request by ?delayMs= and reject invalid delays', async () => {
    const { app } = buildTestApp({ enableFaults: true });
    const started = performance.now();
    await request(app).get('/api/tasks').query({ delayMs: 150 }).expect(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const res = await request(app).get('/api/tasks').query({ delayMs: 'soon' }).expect(400);
    expect((res.body as ErrorBody).error.fields).toEqual([{ field: 'delayMs', message: expect.any(String) }]);
    await request(app).get('/api/tasks').query({ delayMs: 60_000 }).expect(400);
  });
});
