import { describe, expect, it } from 'vitest';
import { InMemoryTaskStore } from './inMemoryTaskStore.js';

const page = { limit: 20, offset: 0 };

describe('InMemoryTaskStore', () => {
  it('creates, reads, replaces and deletes a task', async () => {
    const times = [new Date('2025-01-01T00:00:00Z'), new Date('2025-01-02T00:00:00Z')];
    const store = new InMemoryTaskStore({ now: () => times.shift() ?? new Date(0) });
    const created = await store.create({ title: 'write docs', status: 'todo' });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'write docs',
      status: 'todo',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(await store.get(created.id)).toEqual(created);

    const replaced = await store.replace(created.id, { title: 'write more docs', status: 'done', description: 'x' });
    expect(replaced).toEqual({
      ...created,
      title: 'write more docs',
      description: 'x',
      status: 'done',
      updatedAt: '2025-01-02T00:00:00.000Z',
    });

    expect(await store.delete(created.id)).toBe(true);
    expect(await store.get(created.id)).toBeUndefined();
    expect(await store.delete(created.id)).toBe(false);
    expect(await store.replace(created.id, { title: 'gone', status: 'todo' })).toBeUndefined();
  });

  it('filters by status and pages in creation order with the total of matches', async () => {
    const store = new InMemoryTaskStore();
    for (let i = 0; i < 5; i += 1) await store.create({ title: `t${i}`, status: i % 2 === 0 ? 'todo' : 'done' });
    const todo = await store.list({ ...page, status: 'todo' });
    expect(todo.total).toBe(3);
    expect(todo.items.map((task) => task.title)).toEqual(['t0', 't2', 't4']);
    const second = await store.list({ limit: 2, offset: 2 });
    expect(second).toMatchObject({ total: 5, items: [{ title: 't2' }, { title: 't3' }] });
    expect((await store.list({ limit: 2, offset: 10 })).items).toEqual([]);
  });

  it('returns copies, so callers cannot change stored tasks', async () => {
    const store = new InMemoryTaskStore();
    const created = await store.create({ title: 'original', status: 'todo' });
    created.title = 'changed';
    expect((await store.get(created.id))?.title).toBe('original');
  });

  it('drops the oldest tasks beyond maxTasks', async () => {
    const store = new InMemoryTaskStore({ maxTasks: 2 });
    const first = await store.create({ title: 'a', status: 'todo' });
    await store.create({ title: 'b', status: 'todo' });
    await store.create({ title: 'c', status: 'todo' });
    expect(await store.get(first.id)).toBeUndefined();
    expect((await store.list(page)).items.map((task) => task.title)).toEqual(['b', 'c']);
  });

  it('rejects a non-positive maxTasks', () => {
    expect(() => new InMemoryTaskStore({ maxTasks: 0 })).toThrow(/maxTasks must be a positive integer, got 0/);
  });
});
