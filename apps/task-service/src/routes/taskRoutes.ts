import type { Logger } from '@loglift/logger';
import type { Express, Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { notFound, validationError } from '../httpError.js';
import { requestLog } from '../requestContext.js';
import { createTaskSchema, listTasksQuerySchema, replaceTaskSchema, type Task } from '../task.js';
import type { TaskStore } from '../taskStore.js';

export interface TaskRoutesOptions {
  store: TaskStore;
  logger: Logger;
  /** JSON body parser with the configured size limit. */
  jsonBody: RequestHandler;
}

function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  // Without a JSON content type the parser leaves the body undefined; report it as the body.
  const parsed = schema.safeParse(req.body ?? null);
  if (!parsed.success) throw validationError('body', parsed.error);
  return parsed.data;
}

/** The domain-event fields every task line carries. */
function taskFields(task: Task): { task: { id: string; status: string } } {
  return { task: { id: task.id, status: task.status } };
}

/** Registers `/api/tasks` routes with full paths, so `req.route.path` is the route template. */
export function registerTaskRoutes(app: Express, { store, logger, jsonBody }: TaskRoutesOptions): void {
  app.post('/api/tasks', jsonBody, async (req, res) => {
    const task = await store.create(parseBody(createTaskSchema, req));
    requestLog(req, logger).info(taskFields(task), 'task created');
    res.status(201).location(`/api/tasks/${task.id}`).json(task);
  });

  app.get('/api/tasks', async (req, res) => {
    const parsed = listTasksQuerySchema.safeParse(req.query);
    if (!parsed.success) throw validationError('query', parsed.error);
    const page = await store.list(parsed.data);
    res.json({ ...page, limit: parsed.data.limit, offset: parsed.data.offset });
  });

  app.get('/api/tasks/:id', async (req, res) => {
    const task = await store.get(req.params.id);
    if (!task) throw notFound(`Task ${req.params.id} does not exist`);
    res.json(task);
  });

  app.put('/api/tasks/:id', jsonBody, async (req, res) => {
    // The extra middleware hides the path's params from Express's types; `:id` is always set.
    const { id } = req.params as { id: string };
    const input = parseBody(replaceTaskSchema, req);
    const task = await store.replace(id, input);
    if (!task) throw notFound(`Task ${id} does not exist`);
    requestLog(req, logger).info(taskFields(task), 'task updated');
    res.json(task);
  });

  app.delete('/api/tasks/:id', async (req, res) => {
    const deleted = await store.delete(req.params.id);
    if (!deleted) throw notFound(`Task ${req.params.id} does not exist`);
    requestLog(req, logger).info({ task: { id: req.params.id } }, 'task deleted');
    res.status(204).end();
  });
}
