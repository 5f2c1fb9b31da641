import { randomUUID } from 'node:crypto';
import type { CreateTaskInput, ListTasksQuery, ReplaceTaskInput, Task } from './task.js';
import type { TaskPage, TaskStore } from './taskStore.js';

export interface InMemoryTaskStoreOptions {
  now?: () => Date;
  /** Oldest tasks are dropped beyond this count, so a long-running demo keeps bounded memory. */
  maxTasks?: number;
}

/** Keeps tasks in insertion order in a Map; lost on restart, which suits a sample service. */
export class InMemoryTaskStore implements TaskStore {
  readonly #tasks = new Map<string, Task>();
  readonly #now: () => Date;
  readonly #maxTasks: number;

  constructor(options: InMemoryTaskStoreOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#maxTasks = options.maxTasks ?? 10_000;
    if (!Number.isInteger(this.#maxTasks) || this.#maxTasks < 1) {
      throw new RangeError(`maxTasks must be a positive integer, got ${options.maxTasks}`);
    }
  }

  async create(input: CreateTaskInput): Promise<Task> {
    const now = this.#now().toISOString();
    const task: Task = {
      id: randomUUID(),
      title: input.title,
      ...(input.description === undefined ? {} : { description: input.description }),
      status: input.status,
      createdAt: now,
      updatedAt: now,
    };
    this.#tasks.set(task.id, task);
    for (const oldest of this.#tasks.keys()) {
      if (this.#tasks.size <= this.#maxTasks) break;
      this.#tasks.delete(oldest);
    }
    return { ...task };
  }

  async list(query: ListTasksQuery): Promise<TaskPage> {
    const matching = [...this.#tasks.values()].filter(
      (task) => query.status === undefined || task.status === query.status,
    );
    return {
      items: matching.slice(query.offset, query.offset + query.limit).map((task) => ({ ...task })),
      total: matching.length,
    };
  }

  async get(id: string): Promise<Task | undefined> {
    const task = this.#tasks.get(id);
    return task && { ...task };
  }

  async replace(id: string, input: ReplaceTaskInput): Promise<Task | undefined> {
    const existing = this.#tasks.get(id);
    if (!existing) return undefined;
    const task: Task = {
      id,
      title: input.title,
      ...(input.description === undefined ? {} : { description: input.description }),
      status: input.status,
      createdAt: existing.createdAt,
      updatedAt: this.#now().toISOString(),
    };
    this.#tasks.set(id, task);
    return { ...task };
  }

  async delete(id: string): Promise<boolean> {
    return this.#tasks.delete(id);
  }
}
