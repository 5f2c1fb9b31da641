import type { CreateTaskInput, ListTasksQuery, ReplaceTaskInput, Task } from './task.js';

export interface TaskPage {
  items: Task[];
  /** Number of tasks matching the filter, across all pages. */
  total: number;
}

/** Storage behind the API; async so a database-backed store can replace the in-memory one. */
export interface TaskStore {
  create(input: CreateTaskInput): Promise<Task>;
  list(query: ListTasksQuery): Promise<TaskPage>;
  get(id: string): Promise<Task | undefined>;
  /** Returns undefined when the task does not exist. */
  replace(id: string, input: ReplaceTaskInput): Promise<Task | undefined>;
  /** Returns false when the task does not exist. */
  delete(id: string): Promise<boolean>;
}
