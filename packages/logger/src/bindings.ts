import { pino } from 'pino';
import { isPlainObject } from './isPlainObject.js';
import { mergeObjects } from './mergeObjects.js';

type AnyLogger = pino.Logger;
type Chindings = Record<symbol, unknown>;

const known = new WeakMap<object, Record<string, unknown>>();

/** The bindings (base included) a logger writes on every line, cached per logger instance. */
export function bindingsOf(logger: AnyLogger): Record<string, unknown> {
  let bindings = known.get(logger);
  if (bindings === undefined) {
    bindings = logger.bindings();
    known.set(logger, bindings);
  }
  return bindings;
}

/**
 * Makes child() and setBindings() merge with the parent's bindings instead of appending a second
 * copy of a key (pino writes both, and OpenSearch rejects a document with a duplicate field).
 * Children inherit the wrapped methods through pino's prototype chain.
 */
export function mergeBindingsOnChild(root: AnyLogger, prepare: (bindings: object) => Record<string, unknown>): void {
  const originalChild = root.child;
  const originalSetBindings = root.setBindings;
  const rebuild = (target: AnyLogger, merged: Record<string, unknown>) => {
    (target as unknown as Chindings)[pino.symbols.chindingsSym] = '';
    originalSetBindings.call(target, merged);
    known.set(target, merged);
  };

  root.child = function child(this: AnyLogger, bindings, options) {
    if (!isPlainObject(bindings)) throw new TypeError('logger.child(bindings): bindings must be an object');
    const clean = prepare(bindings);
    const parent = bindingsOf(this);
    const collides = Object.keys(clean).some((key) => Object.hasOwn(parent, key));
    if (!collides) {
      const instance = originalChild.call(this, clean, options);
      known.set(instance, { ...parent, ...clean });
      return instance;
    }
    const instance = originalChild.call(this, {}, options) as unknown as AnyLogger;
    rebuild(instance, mergeObjects(parent, clean));
    return instance;
  } as AnyLogger['child'];

  root.setBindings = function setBindings(this: AnyLogger, bindings) {
    if (!isPlainObject(bindings)) throw new TypeError('logger.setBindings(bindings): bindings must be an object');
    rebuild(this, mergeObjects(bindingsOf(this), prepare(bindings)));
  };
}
