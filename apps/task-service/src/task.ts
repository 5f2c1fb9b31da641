import { z } from 'zod';

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Task {
  id: string;
  title: string;
  description?: string;
  status: TaskStatus;
  createdAt: string;
  updatedAt: string;
}

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const description = z.string().max(2000, 'must be at most 2000 characters');
const status = z.enum(TASK_STATUSES);

/** Body of `POST /api/tasks`; unknown keys are rejected so typos surface as 400s. */
export const createTaskSchema = z.strictObject({
  title,
  description: description.optional(),
  status: status.default('todo'),
});
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

/** Body of `PUT /api/tasks/:id`: a full replacement of the editable fields. */
export const replaceTaskSchema = z.strictObject({
  title,
  description: description.optional(),
  status,
});
export type ReplaceTaskInput = z.infer<typeof replaceTaskSchema>;

/** Query of `GET /api/tasks`; other query parameters are ignored. */
export const listTasksQuerySchema = z.object({
  status: status.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;
