import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './testing/testApp.js';

/** Request lines are the ones carrying a response status. */
function requestLines(lines: ReturnType<typeof buildTestApp>['logs']['lines']) {
  return lines.filter((line) => line.http?.response?.status_code !== undefined);
}

describe('request logging', () => {
  it('writes one line per API request with the route, status and echoed request id', async () => {
    const { app, logs } = buildTestApp();
    const res = await request(app).get('/api/tasks/abc').set('x-request-id', 'req-line-1').expect(404);
    expect(res.headers['x-request-id']).toBe('req-line-1');
    const lines = requestLines(logs.lines);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      http: { request: { id: 'req-line-1', method: 'GET' }, response: { status_code: 404 } },
      url: { path: '/api/tasks/abc' },
    });
  });

  it('puts the request id on domain events written while handling the request', async () => {
    const { app, logs } = buildTestApp();
    const res = await request(app).post('/api/tasks').send({ title: 'traced' }).expect(201);
    const id = res.headers['x-request-id'];
    expect(id).toEqual(expect.any(String));
    expect(logs.withMessage('task created')[0]?.http?.request?.id).toBe(id);
    expect(requestLines(logs.lines)[0]?.http?.request?.id).toBe(id);
  });

  it('writes no request lines when turned off, but still echoes the request id', async () => {
    const { app, logs } = buildTestApp({ logRequests: false });
    const res = await request(app).post('/api/tasks').set('x-request-id', 'req-off').send({ title: 'x' }).expect(201);
    expect(res.headers['x-request-id']).toBe('req-off');
    expect(requestLines(logs.lines)).toEqual([]);
    expect(logs.withMessage('task created')).toEqual([
      expect.objectContaining({ http: { request: { id: 'req-off' } } }),
    ]);
  });

  it('replaces an unusable x-request-id when request lines are off', async () => {
    const { app } = buildTestApp({ logRequests: false });
    const res = await request(app).get('/api/tasks').set('x-request-id', 'has spaces and "quotes"').expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
