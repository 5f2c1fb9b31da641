import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './testing/testApp.js';

describe('health endpoints', () => {
  it('report starting before the listener is bound', async () => {
    const { app } = buildTestApp({}, { started: false });
    expect((await request(app).get('/health/startup').expect(503)).body).toEqual({ status: 'starting' });
    expect((await request(app).get('/health/readiness').expect(503)).body).toEqual({ status: 'starting' });
    await request(app).get('/health/liveness').expect(200);
  });

  it('are all ok once started', async () => {
    const { app } = buildTestApp();
    for (const path of ['/health/liveness', '/health/readiness', '/health/startup']) {
      expect((await request(app).get(path).expect(200)).body).toEqual({ status: 'ok' });
    }
  });

  it('turn readiness false while draining and keep liveness ok', async () => {
    const { app, health } = buildTestApp();
    health.startDraining();
    const readiness = await request(app).get('/health/readiness').expect(503);
    expect(readiness.body).toEqual({ status: 'draining' });
    await request(app).get('/health/liveness').expect(200);
  });

  it('write no request lines for probe and metrics paths', async () => {
    const { app, logs } = buildTestApp();
    await request(app).get('/health/readiness').expect(200);
    await request(app).get('/metrics').expect(200);
    expect(logs.lines).toEqual([]);
  });
});
