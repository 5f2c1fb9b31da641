import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ActionRequest, TRAFFIC_ACTIONS, type TrafficAction } from './trafficActions.js';

export interface TrafficOptions {
  /** Base URL of the service, e.g. http://127.0.0.1:8080. */
  url: string;
  durationMs: number;
  /** Stop once this many requests were sent (durationMs still bounds the run). Default no limit. */
  count?: number;
  /** The mix each request's action is drawn from, by weight. Default TRAFFIC_ACTIONS. */
  actions?: readonly TrafficAction[];
  /** Requests started per second (open loop: a slow service does not slow the schedule). */
  rate: number;
  /** Most requests in flight at once; ticks beyond it are counted as dropped. Default 32. */
  concurrency?: number;
  /** Include the 500 and slow-request actions, which need ENABLE_FAULTS=true. Default true. */
  faults?: boolean;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  random?: () => number;
  signal?: AbortSignal;
  onResult?: (result: TrafficResult) => void;
}

export interface TrafficResult {
  action: string;
  method: string;
  path: string;
  requestId: string;
  /** W3C trace id sent in `traceparent`, as a tracing proxy in front of the service would. */
  traceId: string;
  /** HTTP status, absent when the request failed at the network level. */
  status?: number;
  error?: string;
  /** True when the status is one a healthy service answers for this action. */
  expected: boolean;
  durationMs: number;
}

export interface TrafficSummary {
  sent: number;
  expected: number;
  unexpected: number;
  dropped: number;
  /** Count per action and status (`error` for network failures). */
  byAction: Record<string, Record<string, number>>;
  elapsedMs: number;
}

const MAX_KNOWN_TASKS = 500;

/** Drives a realistic request mix against the service and summarises the answers. */
export async function runTraffic(options: TrafficOptions): Promise<TrafficSummary> {
  if (!(options.rate > 0)) throw new RangeError(`rate must be above 0, got ${options.rate}`);
  if (!(options.durationMs >= 0)) throw new RangeError(`durationMs must be 0 or more, got ${options.durationMs}`);
  if (options.count !== undefined && !(Number.isInteger(options.count) && options.count > 0)) {
    throw new RangeError(`count must be a whole number above 0, got ${options.count}`);
  }
  const base = new URL(options.url);
  const random = options.random ?? Math.random;
  const concurrency = options.concurrency ?? 32;
  const count = options.count ?? Number.POSITIVE_INFINITY;
  const actions = (options.actions ?? TRAFFIC_ACTIONS).filter((action) => options.faults !== false || !action.fault);
  if (actions.length === 0) throw new RangeError('actions must name at least one action the run may send');
  const totalWeight = actions.reduce((sum, action) => sum + action.weight, 0);
  // Stands in for an action that needs a task while none is known yet.
  const create = TRAFFIC_ACTIONS.find((action) => action.name === 'create') as TrafficAction;
  const known: string[] = [];
  const busy = new Map<string, number>();
  const summary: TrafficSummary = { sent: 0, expected: 0, unexpected: 0, dropped: 0, byAction: {}, elapsedMs: 0 };
  const pending = new Set<Promise<void>>();

  const choose = (): { action: TrafficAction; taskId?: string } => {
    let roll = random() * totalWeight;
    const action =
      actions.find((candidate) => {
        roll -= candidate.weight;
        return roll < 0;
      }) ?? (actions.at(-1) as TrafficAction);
    if (!action.needsTask) return { action };
    const index = Math.floor(random() * known.length);
    const taskId = known[index];
    // Deleting a task another request is using would turn that request into a spurious 404.
    if (taskId === undefined || (action.name === 'delete' && busy.has(taskId))) return { action: create };
    if (action.name === 'delete') known.splice(index, 1);
    return { action, taskId };
  };

  const send = async (action: TrafficAction, taskId: string | undefined): Promise<void> => {
    const request: ActionRequest = action.request({ random, ...(taskId ? { taskId } : {}) });
    const requestId = `traffic-${randomUUID()}`;
    const traceId = randomBytes(16).toString('hex');
    const started = performance.now();
    if (taskId) busy.set(taskId, (busy.get(taskId) ?? 0) + 1);
    let result: TrafficResult;
    try {
      const response = await fetch(new URL(request.path, base), {
        method: request.method,
        headers: {
          'x-request-id': requestId,
          traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
          'user-agent': 'loglift-traffic/0.1',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      if (action.name === 'create' && response.status === 201) rememberTask(known, text);
      result = {
        action: action.name,
        method: request.method,
        path: request.path.split('?')[0] ?? request.path,
        requestId,
        traceId,
        status: response.status,
        expected: action.expected.includes(response.status),
        durationMs: performance.now() - started,
      };
    } catch (err) {
      result = {
        action: action.name,
        method: request.method,
        path: request.path.split('?')[0] ?? request.path,
        requestId,
        traceId,
        error: err instanceof Error ? err.message : String(err),
        expected: false,
        durationMs: performance.now() - started,
      };
    } finally {
      if (taskId) {
        const count = (busy.get(taskId) ?? 1) - 1;
        if (count === 0) busy.delete(taskId);
        else busy.set(taskId, count);
      }
    }
    record(summary, result);
    options.onResult?.(result);
  };

  const start = performance.now();
  const interval = 1000 / options.rate;
  for (let tick = 0; ; tick += 1) {
    const due = start + tick * interval;
    if (tick * interval >= options.durationMs || summary.sent >= count || options.signal?.aborted) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait, undefined, options.signal ? { signal: options.signal } : {}).catch(() => {});
    if (options.signal?.aborted) break;
    if (pending.size >= concurrency) {
      summary.dropped += 1;
      continue;
    }
    const { action, taskId } = choose();
    summary.sent += 1;
    const promise = send(action, taskId).finally(() => pending.delete(promise));
    pending.add(promise);
  }
  await Promise.all(pending);
  summary.elapsedMs = Math.round(performance.now() - start);
  return summary;
}

function rememberTask(known: string[], body: string): void {
  const id = (JSON.parse(body) as { id?: unknown }).id;
  if (typeof id !== 'string') return;
  known.push(id);
  if (known.length > MAX_KNOWN_TASKS) known.shift();
}

function record(summary: TrafficSummary, result: TrafficResult): void {
  if (result.expected) summary.expected += 1;
  else summary.unexpected += 1;
  const counts = summary.byAction[result.action] ?? {};
  summary.byAction[result.action] = counts;
  const key = result.status === undefined ? 'error' : String(result.status);
  counts[key] = (counts[key] ?? 0) + 1;
}
