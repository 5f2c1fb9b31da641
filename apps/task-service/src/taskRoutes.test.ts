import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from './errorHandler.js';
import type { Task } from './task.js';
import { buildTestApp } from './testing/testApp.js';

async function createTask(app: ReturnType<typeof buildTestApp>['app'], body: object): Promise<Task> {
  const res = await request(app).post('/api/tasks').send(body).expect(201);
  return res.body as Task;
}

describe('POST /api/tasks', () => {
  it('creates a task, answers 201 with its location and logs "task created"', async () => {
    const { app, logs } = buildTestApp();
    const res = await request(app)
      .post('/api/tasks')
      .set('x-request-id', 'req-create-1')
      .send({ title: '  ship it ', description: 'before friday' })
      .expect(201);
    const task = res.body as Task;
    expect(task).toMatchObject({ title: 'ship it', description: 'before friday', status: 'todo' });
    expect(res.headers.location).toBe(`/api/tasks/${task.id}`);
    expect(res.headers['x-request-id']).toBe('req-create-1');
    const [event, ...others] = logs.withMessage('task created');
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      level: 'info',
      task: { id: task.id, status: 'todo' },
      http: { request: { id: 'req-create-1' } },
    });
  });

  it('answers 400 listing each invalid and unknown field', async () => {
    const { app } = buildTestApp();
    const res = await request(app).post('/api/tasks').send({ title: '', status: 'later', owner: 'kim' }).expect(400);
    const { error } = res.body as ErrorBody;
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((field) => field.field).sort()).toEqual(['owner', 'status', 'title']);
    expect(error.fields?.find((field) => field.field === 'title')?.message).toBe('must not be empty');
  });

  it('answers 400 for malformed JSON instead of 500', async () => {
    const { app, logs } = buildTestApp();
    const res = await request(app)
      .post('/api/tasks')
      .set('content-type', 'application/json')
      .send('{"title": "oops"')
      .expect(400);
    expect((res.body as ErrorBody).error.code).toBe('malformed_json');
    expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('answers 413 when the body exceeds BODY_LIMIT', async () => {
    const { app } = buildTestApp({ bodyLimit: '1kb' });
    const res = await request(app)
      .post('/api/tasks')
      .send({ title: 'x'.repeat(2000) })
      .expect(413);
    expect((res.body as ErrorBody).error.code).toBe('payload_too_large');
  });

  it('answers 400 naming the body when it is not JSON', async () => {
    const { app } = buildTestApp();
    const res = await request(app).post('/api/tasks').set('content-type', 'text/plain').send('title=x').expect(400);
    expect((res.body as ErrorBody).error.fields).toEqual([{ field: 'body', message: expect.any(String) }]);
  });
});

describe('GET /api/tasks', () => {
  it('filters by status and pages with limit and offset', async () => {
    const { app } = buildTestApp();
    for (const [title, status] of [
      ['a', 'todo'],
      ['b', 'done'],
      ['c', 'todo'],
      ['d', 'todo'],
    ]) {
      await createTask(app, { title, status });
    }
    const res = await request(app).get('/api/tasks').query({ status: 'todo', limit: 2, offset: 1 }).expect(200);
    expect(res.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect((res.body as { items: Task[] }).items.map((task) => task.title)).toEqual(['c', 'd']);
    const all = await request(app).get('/api/tasks').expect(200);
    expect(all.body).toMatchObject({ total: 4, limit: 20, offset: 0 });
  });

  it('answers 400 for an invalid status, limit or offset', async () => {
    const { app } = buildTestApp();
    const res = await request(app).get('/api/tasks').query({ status: 'later', limit: 0, offset: -1 }).expect(400);
    expect((res.body as ErrorBody).error.fields?.map((field) => field.field)).toEqual(['status', 'limit', 'offset']);
  });
});

describe('GET /api/tasks/:id', () => {
  it('returns the task or 404 for an unknown id', async () => {
    const { app } = buildTestApp();
    const task = await createTask(app, { title: 'read me' });
    expect((await request(app).get(`/api/tasks/${task.id}`).expect(200)).body).toEqual(task);
    const res = await request(app).get('/api/tasks/does-not-exist').expect(404);
    expect((res.body as ErrorBody).error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('does-not-exist'),
    });
  });
});

describe('PUT /api/tasks/:id', () => {
  it('replaces the task and logs "task updated" with the new status', async () => {
    const { app, logs } = buildTestApp();
    const task = await createTask(app, { title: 'draft', description: 'old' });
    const res = await request(app).put(`/api/tasks/${task.id}`).send({ title: 'final', status: 'done' }).expect(200);
    expect(res.body).toMatchObject({ id: task.id, title: 'final', status: 'done', createdAt: task.createdAt });
    expect(res.body).not.toHaveProperty('description');
    expect(logs.withMessage('task updated')).toEqual([
      expect.objectContaining({ task: { id: task.id, status: 'done' } }),
    ]);
  });

  it('answers 404 for an unknown id and 400 for an invalid body', async () => {
    const { app, logs } = buildTestApp();
    const task = await createTask(app, { title: 'keep' });
    await request(app).put('/api/tasks/nope').send({ title: 'x', status: 'done' }).expect(404);
    const res = await request(app).put(`/api/tasks/${task.id}`).send({ title: 'x' }).expect(400);
    expect((res.body as ErrorBody).error.fields?.map((field) => field.field)).toEqual(['status']);
    expect(logs.withMessage('task updated')).toEqual([]);
  });
});

describe('DELETE /api/tasks/:id', () => {
  it('answers 204, then 404 once the task is gone', async () => {
    const { app, logs } = buildTestApp();
    const task = await createTask(app, { title: 'temporary' });
    await request(app).delete(`/api/tasks/${task.id}`).expect(204);
    await request(app).get(`/api/tasks/${task.id}`).expect(404);
    await request(app).delete(`/api/tasks/${task.id}`).expect(404);
    expect(logs.withMessage('task deleted')).toEqual([expect.objectContaining({ task: { id: task.id } })]);
  });
});

describe('unknown routes', () => {
  it('answer 404 JSON naming the method and path', async () => {
    const { app } = buildTestApp();
    const res = await request(app).patch('/api/projects/1').set('x-request-id', 'req-404').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      error: { code: 'route_not_found', message: 'No route for PATCH /api/projects/1', requestId: 'req-404' },
    });
  });
});
