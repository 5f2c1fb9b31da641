import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMetrics, UNMATCHED_ROUTE } from './metrics.js';
import { buildTestApp } from './testing/testApp.js';

interface Sample {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

async function requestCounts(metrics: ReturnType<typeof createMetrics>): Promise<Record<string, number>> {
  const all = await metrics.registry.getMetricsAsJSON();
  const histogram = all.find((metric) => metric.name === 'http_server_request_duration_seconds');
  const counts: Record<string, number> = {};
  for (const sample of (histogram?.values ?? []) as Sample[]) {
    if (sample.metricName !== 'http_server_request_duration_seconds_count') continue;
    counts[`${sample.labels.method} ${sample.labels.route} ${sample.labels.status_code}`] = sample.value;
  }
  return counts;
}

describe('request duration histogram', () => {
  it('counts requests by method, route template and status, including error paths', async () => {
    const { app, metrics } = buildTestApp();
    const created = await request(app).post('/api/tasks').send({ title: 'x' }).expect(201);
    await request(app)
      .get(`/api/tasks/${(created.body as { id: string }).id}`)
      .expect(200);
    await request(app).get('/api/tasks/missing').expect(404);
    await request(app).post('/api/tasks').set('content-type', 'application/json').send('{').expect(400);
    await request(app).get('/no/such/path').expect(404);
    await request(app).get('/another/path').expect(404);
    expect(await requestCounts(metrics)).toEqual({
      'POST /api/tasks 201': 1,
      'POST /api/tasks 400': 1,
      'GET /api/tasks/:id 200': 1,
      'GET /api/tasks/:id 404': 1,
      [`GET ${UNMATCHED_ROUTE} 404`]: 2,
    });
  });
});

describe('GET /metrics', () => {
  it('serves the Prometheus text format with the histogram and process metrics', async () => {
    const { app } = buildTestApp({ metrics: createMetrics() });
    const res = await request(app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const types = new Map(
      res.text
        .split('\n')
        .filter((line) => line.startsWith('# TYPE '))
        .map((line) => [line.split(' ')[2], line.split(' ')[3]] as const),
    );
    expect(types.get('http_server_request_duration_seconds')).toBe('histogram');
    expect(types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });
});
