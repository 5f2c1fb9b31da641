import { randomUUID } from 'node:crypto';

/** One kind of request the generator sends, with the statuses a healthy service answers. */
export interface TrafficAction {
  name: string;
  weight: number;
  expected: readonly number[];
  /** Needs ENABLE_FAULTS=true on the service. */
  fault?: boolean;
  /** Needs a known task id; skipped in favour of `create` while none is known. */
  needsTask?: boolean;
  request(ctx: ActionContext): ActionRequest;
}

export interface ActionRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
}

export interface ActionContext {
  random: () => number;
  /** A task id taken from the pool (already removed for `delete`). */
  taskId?: string;
}

const STATUSES = ['todo', 'in_progress', 'done'] as const;
const WORDS = ['deploy', 'review', 'invoice', 'backup', 'rotate keys', 'upgrade', 'audit', 'triage', 'renew'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function taskBody(random: () => number, withStatus: boolean): string {
  const title = `${pick(WORDS, random)} ${pick(WORDS, random)} #${Math.floor(random() * 1000)}`;
  return JSON.stringify({
    title,
    ...(random() < 0.5 ? { description: `Requested by team ${Math.floor(random() * 20)}` } : {}),
    ...(withStatus || random() < 0.3 ? { status: pick(STATUSES, random) } : {}),
  });
}

function listPath(random: () => number, extra = ''): string {
  const params = new URLSearchParams();
  if (random() < 0.5) params.set('status', pick(STATUSES, random));
  params.set('limit', String(1 + Math.floor(random() * 50)));
  if (random() < 0.3) params.set('offset', String(Math.floor(random() * 20)));
  return `/api/tasks?${params}${extra}`;
}

function get(path: string): ActionRequest {
  return { method: 'GET', path };
}

function post(body: string): ActionRequest {
  return { method: 'POST', path: '/api/tasks', body };
}

/** The request mix: mostly successful CRUD, plus 4xx, 5xx and slow requests. */
export const TRAFFIC_ACTIONS: readonly TrafficAction[] = [
  { name: 'create', weight: 20, expected: [201], request: ({ random }) => post(taskBody(random, false)) },
  { name: 'list', weight: 20, expected: [200], request: ({ random }) => ({ method: 'GET', path: listPath(random) }) },
  { name: 'get', weight: 15, expected: [200], needsTask: true, request: ({ taskId }) => get(`/api/tasks/${taskId}`) },
  {
    name: 'update',
    weight: 10,
    expected: [200],
    needsTask: true,
    request: ({ random, taskId }) => ({ method: 'PUT', path: `/api/tasks/${taskId}`, body: taskBody(random, true) }),
  },
  {
    name: 'delete',
    weight: 5,
    expected: [204],
    needsTask: true,
    request: ({ taskId }) => ({ method: 'DELETE', path: `/api/tasks/${taskId}` }),
  },
  { name: 'get-missing', weight: 5, expected: [404], request: () => get(`/api/tasks/${randomUUID()}`) },
  {
    name: 'create-invalid',
    weight: 5,
    expected: [400],
    request: ({ random }) => post(JSON.stringify({ title: '', status: pick(['later', 'blocked'], random) })),
  },
  { name: 'create-malformed', weight: 3, expected: [400], request: () => post('{"title": "unterminated') },
  // 2 MB is over any sensible BODY_LIMIT; a larger limit still rejects the 2 MB title (400).
  { name: 'create-too-large', weight: 1, expected: [413, 400], request: () => post(`{"title":"${'x'.repeat(2e6)}"}`) },
  { name: 'unknown-route', weight: 3, expected: [404], request: () => get('/api/projects') },
  { name: 'fail', weight: 3, expected: [500], fault: true, request: () => get('/api/debug/fail') },
  {
    name: 'slow-list',
    weight: 5,
    expected: [200],
    fault: true,
    request: ({ random }) => get(listPath(random, `&delayMs=${300 + Math.floor(random() * 1200)}`)),
  },
];
