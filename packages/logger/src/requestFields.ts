import type { IncomingMessage, ServerResponse } from 'node:http';

// Express adds these to the request; they are read defensively so plain node:http works too.
interface ExpressLikeRequest extends IncomingMessage {
  originalUrl?: string;
  baseUrl?: string;
  ip?: string;
  route?: { path?: unknown };
}

/** The path of the request URL, without query string or fragment. */
export function urlPath(req: IncomingMessage): string {
  const url = (req as ExpressLikeRequest).originalUrl ?? req.url ?? '/';
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** The matched route template (e.g. `/api/tasks/:id`), when a router matched one. */
export function routeTemplate(req: IncomingMessage): string | undefined {
  const { route, baseUrl } = req as ExpressLikeRequest;
  const path = route?.path;
  if (path === undefined || path === null) return undefined;
  const template = typeof path === 'string' ? path : Array.isArray(path) ? path.map(String).join('|') : String(path);
  const base = typeof baseUrl === 'string' ? baseUrl : '';
  if (base === '') return template;
  return template === '/' ? base : base + template;
}

/** The client address: Express's req.ip (which honours `trust proxy`), else the socket's peer. */
export function clientAddress(req: IncomingMessage): string | undefined {
  const ip = (req as ExpressLikeRequest).ip;
  const address = typeof ip === 'string' && ip !== '' ? ip : req.socket?.remoteAddress;
  // Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d; write the plain IPv4 form.
  return address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * Counts the bytes the handler writes to the response body, and notes the route template at the
 * first end() (Express may reset req.baseUrl once the router is left).
 */
export function trackResponse(
  req: IncomingMessage,
  res: ServerResponse,
): { bytes(): number; route(): string | undefined } {
  let bytes = 0;
  let route: string | undefined;
  let routeSeen = false;
  const count = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string') {
      bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    } else if (chunk instanceof Uint8Array) {
      bytes += chunk.byteLength;
    }
  };
  const write = res.write;
  const end = res.end;
  res.write = function trackedWrite(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    count(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function trackedEnd(this: ServerResponse, ...args: unknown[]) {
    if (!routeSeen) {
      routeSeen = true;
      route = routeTemplate(req);
    }
    if (typeof args[0] !== 'function') count(args[0], args[1]);
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['end'];
  return { bytes: () => bytes, route: () => (routeSeen ? route : routeTemplate(req)) };
}
