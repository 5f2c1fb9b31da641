import { type IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './createLogger.js';
import type { LogContext } from './logContext.js';
import { chunkBytes, routeTemplate } from './requestFields.js';
import { onSharedPrototype } from './sharedPrototype.js';

const STATE = Symbol('loglift.request');

type Write = (this: ServerResponse, ...args: unknown[]) => unknown;

/**
 * Everything the middleware keeps for one request, in one object on the request. The response's
 * write/end wrappers and its close listener are shared functions that find it through res.req
 * (set by node:http), so a request costs one allocation here instead of a closure per hook.
 */
export class RequestState {
  /** req.log, once made or set. */
  log: Logger | undefined = undefined;
  /** Body bytes the handler has written. */
  bytes = 0;
  /** The route template when the handler ended the response (Express may reset req.baseUrl later). */
  route: string | undefined = undefined;
  routeSeen = false;
  /** Counted by the wrappers on Express's response prototype. */
  onPrototype = false;
  /** Else the response's own write/end, called by the wrappers put on it. */
  write: Write | undefined = undefined;
  end: Write | undefined = undefined;

  constructor(
    readonly logger: Logger,
    readonly context: LogContext,
    /** Request path without query string. */
    readonly path: string,
    /** performance.now() when the request arrived. */
    readonly started: number,
  ) {}

  /** The route template: as noted at the end of the handler, else as the request has it now. */
  routeOf(req: IncomingMessage): string | undefined {
    return this.routeSeen ? this.route : routeTemplate(req);
  }
}

/** The state the middleware put on req, if it ran for this request. */
export function stateOf(req: IncomingMessage | undefined): RequestState | undefined {
  return req === undefined ? undefined : (req as { [STATE]?: RequestState })[STATE];
}

export function setState(req: IncomingMessage, state: RequestState): void {
  (req as { [STATE]?: RequestState })[STATE] = state;
}

function noteRoute(state: RequestState, req: IncomingMessage): void {
  if (!state.routeSeen) {
    state.routeSeen = true;
    state.route = routeTemplate(req);
  }
}

// Wrappers on one response, for a response that is not an Express one or whose write/end another
// middleware already replaced: they call that response's own functions, kept in the state.
function trackedWrite(this: ServerResponse, ...args: unknown[]): unknown {
  const state = stateOf(this.req);
  // Only reached if the wrapper was copied to a response the middleware never saw.
  if (state?.write === undefined) return (ServerResponse.prototype.write as Write).apply(this, args);
  state.bytes += chunkBytes(args[0], args[1]);
  return state.write.apply(this, args);
}

function trackedEnd(this: ServerResponse, ...args: unknown[]): unknown {
  const state = stateOf(this.req);
  if (state?.end === undefined) return (ServerResponse.prototype.end as Write).apply(this, args);
  noteRoute(state, this.req);
  if (typeof args[0] !== 'function') state.bytes += chunkBytes(args[0], args[1]);
  return state.end.apply(this, args);
}

/**
 * Puts write/end wrappers on Express's shared response prototype, once. Replacing res.write and
 * res.end on every response cost more than the request line itself (two more properties per
 * response, each a slow path in V8); on the prototype they cost a call. A response of a request
 * the middleware did not track passes straight through.
 */
function wrapPrototype(proto: object): boolean {
  if (Object.hasOwn(proto, 'write') || Object.hasOwn(proto, 'end') || !Object.isExtensible(proto)) return false;
  const parent = Object.getPrototypeOf(proto) as { write: Write; end: Write };
  Object.defineProperty(proto, 'write', {
    configurable: true,
    writable: true,
    value: function write(this: ServerResponse, ...args: unknown[]): unknown {
      const state = stateOf(this.req);
      if (state?.onPrototype === true) state.bytes += chunkBytes(args[0], args[1]);
      return parent.write.apply(this, args);
    },
  });
  Object.defineProperty(proto, 'end', {
    configurable: true,
    writable: true,
    value: function end(this: ServerResponse, ...args: unknown[]): unknown {
      const state = stateOf(this.req);
      if (state?.onPrototype === true) {
        noteRoute(state, this.req);
        if (typeof args[0] !== 'function') state.bytes += chunkBytes(args[0], args[1]);
      }
      return parent.end.apply(this, args);
    },
  });
  return true;
}

const hasSharedWrappers = onSharedPrototype(ServerResponse.prototype, wrapPrototype);

/** Counts the body bytes the handler writes and notes the route template at the first end(). */
export function trackResponse(res: ServerResponse, state: RequestState): void {
  // Another middleware's res.write/res.end, set before this one ran, would hide the prototype's.
  if (!Object.hasOwn(res, 'write') && !Object.hasOwn(res, 'end') && hasSharedWrappers(res)) {
    state.onPrototype = true;
    return;
  }
  state.write = res.write as Write;
  state.end = res.end as Write;
  res.write = trackedWrite as ServerResponse['write'];
  res.end = trackedEnd as ServerResponse['end'];
}
