import { IncomingMessage } from 'node:http';
import { bindContext } from './contextLogger.js';
import type { Logger } from './createLogger.js';
import { stateOf } from './requestState.js';
import { onSharedPrototype } from './sharedPrototype.js';

// One getter/setter pair for every request. The child logger is made on first read: most
// handlers never log through req.log, and a child per request costs more than the request line.
const accessor: PropertyDescriptor = {
  configurable: true,
  enumerable: false,
  get(this: IncomingMessage): Logger | undefined {
    const state = stateOf(this);
    if (state === undefined) return undefined;
    state.log ??= bindContext(state.logger, state.context);
    return state.log;
  },
  set(this: IncomingMessage, value: Logger) {
    const state = stateOf(this);
    if (state !== undefined) state.log = value;
    else Object.defineProperty(this, 'log', { value, writable: true, enumerable: true, configurable: true });
  },
};

// req.log goes on Express's shared request prototype (see sharedPrototype), where Express keeps
// its own req.query. An accessor on each request object instead gives every request its own
// hidden class in V8, which slowed every later property access of Express's router on it.
const hasSharedLog = onSharedPrototype(IncomingMessage.prototype, (proto) => {
  // Someone else's `log` there is left alone.
  if (Object.hasOwn(proto, 'log') || !Object.isExtensible(proto)) return false;
  Object.defineProperty(proto, 'log', accessor);
  return true;
});

/** Gives req (which already carries its RequestState) a `log` property made on first read. */
export function attachRequestLog(req: IncomingMessage): void {
  if (hasSharedLog(req) && !Object.hasOwn(req, 'log')) return;
  // Plain node:http, a prototype we may not touch, or a req.log set before this middleware ran:
  // the same accessor on the request itself.
  Object.defineProperty(req, 'log', { ...accessor, enumerable: true });
}
