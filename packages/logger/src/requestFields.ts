import type { IncomingMessage } from 'node:http';

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
  const query = url.indexOf('?');
  const fragment = url.indexOf('#');
  const end = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment);
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

const MAPPED_IPV4 = /^::ffff:\d+\.\d+\.\d+\.\d+$/;

/** The client address: Express's req.ip (which honours `trust proxy`), else the socket's peer. */
export function clientAddress(req: IncomingMessage): string | undefined {
  const ip = (req as ExpressLikeRequest).ip;
  const address = typeof ip === 'string' && ip !== '' ? ip : req.socket?.remoteAddress;
  // Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d; write the plain IPv4 form.
  if (address === undefined || !address.startsWith('::ffff:')) return address;
  return MAPPED_IPV4.test(address) ? address.slice(7) : address;
}

/** Bytes a chunk passed to res.write/res.end puts in the body. */
export function chunkBytes(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') {
    return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  }
  return chunk instanceof Uint8Array ? chunk.byteLength : 0;
}
