export { type Config, ConfigError, DEFAULT_SERVICE_NAME, loadConfig } from './config.js';
export { type AppOptions, createApp, QUIET_PATHS } from './createApp.js';
export { parseDuration } from './duration.js';
export type { ErrorBody } from './errorHandler.js';
export { HealthState } from './health.js';
export { type FieldProblem, HttpError } from './httpError.js';
export { InMemoryTaskStore, type InMemoryTaskStoreOptions } from './inMemoryTaskStore.js';
export { createMetrics, type Metrics, UNMATCHED_ROUTE } from './metrics.js';
export { MAX_DELAY_MS, SimulatedFailure } from './routes/faultRoutes.js';
export { type RunningServer, type ServerOptions, type ShutdownResult, startServer } from './server.js';
export { createServiceLogger } from './serviceLogger.js';
export { type ServiceDependencies, startService } from './startService.js';
export {
  type CreateTaskInput,
  createTaskSchema,
  type ListTasksQuery,
  listTasksQuerySchema,
  type ReplaceTaskInput,
  replaceTaskSchema,
  TASK_STATUSES,
  type Task,
  type TaskStatus,
} from './task.js';
export type { TaskPage, TaskStore } from './taskStore.js';
export { TRAFFIC_ACTIONS, type TrafficAction } from './trafficActions.js';
export { parseTrafficArgs, TRAFFIC_USAGE, type TrafficArgs, UsageError } from './trafficArgs.js';
export { runTraffic, type TrafficOptions, type TrafficResult, type TrafficSummary } from './trafficGenerator.js';
