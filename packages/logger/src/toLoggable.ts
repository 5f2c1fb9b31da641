import { errorShape } from './errorShape.js';
import { isError } from './isError.js';
import { copyFirst, cutString, errorText, readProperty, setKey } from './readProperty.js';
import { isSensitiveKey, REDACTED } from './redaction.js';

/** Bounds that keep one record's serialization cheap whatever it is handed. */
export interface LoggableLimits {
  maxDepth: number;
  maxKeys: number;
  maxArrayLength: number;
  maxStringLength: number;
}

export const DEFAULT_LIMITS: LoggableLimits = {
  maxDepth: 10,
  maxKeys: 500,
  maxArrayLength: 500,
  maxStringLength: 16_000,
};

const FAILED = Symbol('failed');

class Walker {
  // ancestors[d] is the object being walked at depth d; entries past the current depth are stale.
  private readonly ancestors: object[] = [];

  constructor(private readonly limits: LoggableLimits) {}

  /**
   * A log call's object as a record. Values under `error` and `err` are always serialized as
   * errors, whatever was thrown. Returns the object itself when it is plain and nothing changed.
   */
  record(value: object): Record<string, unknown> {
    let proto: unknown;
    try {
      proto = Object.getPrototypeOf(value);
    } catch (err) {
      return { value: `[Unserializable: ${errorText(err)}]` };
    }
    this.ancestors[0] = value;
    try {
      if (proto === Object.prototype || proto === null) {
        const fast = this.fastProperties(value, 0, true);
        if (fast !== FAILED) return fast;
      }
      // Anything but a plain object is copied, so pino never sees e.g. a request object.
      return this.properties(value, 0, proto !== Object.prototype && proto !== null, true);
    } catch (err) {
      return { value: `[Unserializable: ${errorText(err)}]` };
    }
  }

  value(value: unknown, depth: number): unknown {
    switch (typeof value) {
      case 'string':
        return value.length > this.limits.maxStringLength ? cutString(value, this.limits.maxStringLength) : value;
      case 'number':
        return Number.isFinite(value) ? value : null;
      case 'boolean':
        return value;
      case 'bigint':
        // As a string: JSON has no BigInt, and a number would lose precision.
        return value.toString();
      case 'symbol':
        return value.toString();
      case 'undefined':
      case 'function':
        return undefined;
    }
    if (value === null) return null;
    try {
      return this.object(value as object, depth);
    } catch (err) {
      return `[Unserializable: ${errorText(err)}]`;
    }
  }

  private isAncestor(value: object, depth: number): boolean {
    for (let i = 0; i < depth; i += 1) if (this.ancestors[i] === value) return true;
    return false;
  }

  private object(value: object, depth: number): unknown {
    const proto = Object.getPrototypeOf(value);
    // Fast path for the common case, plain objects and arrays; everything else below.
    if ((proto === Object.prototype || proto === Array.prototype) && !('toJSON' in value)) {
      if (this.isAncestor(value, depth)) return '[Circular]';
      if (depth >= this.limits.maxDepth) return proto === Array.prototype ? '[Array]' : '[Object]';
      this.ancestors[depth] = value;
      return proto === Array.prototype ? this.array(value as unknown[], depth) : this.plain(value, depth);
    }
    if (isError(value)) return errorShape(value, toLoggable);
    if (this.isAncestor(value, depth)) return '[Circular]';
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
    if (depth >= this.limits.maxDepth) return Array.isArray(value) ? '[Array]' : '[Object]';
    this.ancestors[depth] = value;
    if (Array.isArray(value)) return this.array(value, depth);
    if (value instanceof Map) {
      return this.entries(
        [...value.entries()].map(([k, v]) => [String(k), v]),
        depth,
      );
    }
    if (value instanceof Set) return this.array([...value], depth);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    // One level deeper, so a toJSON that returns its own object ends at the depth limit.
    if (typeof toJSON === 'function') return this.value(toJSON.call(value), depth + 1);
    // Own properties only (for-in would add enumerable ones from a class's prototype).
    return this.properties(value, depth, false, false);
  }

  private array(value: readonly unknown[], depth: number): unknown[] {
    const length = Math.min(value.length, this.limits.maxArrayLength);
    let changed = length !== value.length;
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i += 1) {
      const item = value[i];
      const clean = this.value(item, depth + 1);
      // Same as JSON: holes, undefined and functions in arrays become null.
      out[i] = clean === undefined ? null : clean;
      if (out[i] !== item) changed = true;
    }
    return changed ? out : (value as unknown[]);
  }

  private entries(entries: [string, unknown][], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries.slice(0, this.limits.maxKeys)) {
      const clean = item != null && isSensitiveKey(key) ? REDACTED : this.value(item, depth + 1);
      if (clean !== undefined) setKey(out, key, clean);
    }
    return out;
  }

  private plain(value: object, depth: number): object {
    const fast = this.fastProperties(value, depth, false);
    return fast === FAILED ? this.properties(value, depth, false, false) : fast;
  }

  private clean(key: string, item: unknown, depth: number, top: boolean): unknown {
    if (top && (key === 'error' || key === 'err') && item != null) return errorShape(item, toLoggable);
    return item != null && isSensitiveKey(key) ? REDACTED : this.value(item, depth + 1);
  }

  /**
   * The common case, an object with plain data properties, walked with for-in (which V8 runs
   * without allocating). Returns FAILED when a getter throws, for properties() to redo safely.
   */
  private fastProperties(value: object, depth: number, top: boolean): Record<string, unknown> | typeof FAILED {
    const source = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    let index = 0;
    try {
      for (const key in source) {
        if (index === this.limits.maxKeys) {
          out ??= copyFirst(source, index);
          break;
        }
        const item = source[key];
        const clean = this.clean(key, item, depth, top);
        if (out === undefined && clean !== item) out = copyFirst(source, index);
        if (out !== undefined && clean !== undefined) setKey(out, key, clean);
        index += 1;
      }
    } catch {
      return FAILED;
    }
    return out ?? source;
  }

  /**
   * Cleans an object's own enumerable properties. Copies only once something changes (or when
   * `copy` is set), so untouched objects cost no allocation.
   */
  private properties(value: object, depth: number, copy: boolean, top: boolean): Record<string, unknown> {
    const source = value as Record<string, unknown>;
    const keys = Object.keys(value);
    // Object.values reads all properties natively (faster than one keyed load per key); a getter
    // that throws makes it throw, and then each property is read on its own below.
    let values: unknown[] | undefined;
    try {
      values = Object.values(value);
      if (values.length !== keys.length) values = undefined;
    } catch {
      values = undefined;
    }
    const limit = Math.min(keys.length, this.limits.maxKeys);
    let out: Record<string, unknown> | undefined = copy || limit !== keys.length ? {} : undefined;
    for (let i = 0; i < limit; i += 1) {
      const key = keys[i] as string;
      let clean: unknown;
      let item: unknown;
      try {
        item = values === undefined ? source[key] : values[i];
        clean = this.clean(key, item, depth, top);
      } catch (err) {
        // A getter that throws would throw again when the line is serialized: always copy.
        clean = `[Unreadable: ${errorText(err)}]`;
        item = undefined;
      }
      if (out === undefined && clean !== item) {
        out = {};
        for (let j = 0; j < i; j += 1) {
          const earlier = keys[j] as string;
          setKey(out, earlier, values === undefined ? readProperty(value, earlier) : values[j]);
        }
      }
      if (out !== undefined && clean !== undefined) setKey(out, key, clean);
    }
    return out ?? source;
  }
}

/**
 * Makes any value safe to serialize as one JSON line: Errors become the contract's error shape,
 * credentials are redacted by key name, and circular references, BigInt, symbols, throwing
 * getters, functions, deep nesting and very long strings are replaced or cut. Returns the input
 * itself when nothing needed changing.
 */
export function toLoggable(value: unknown, limits: LoggableLimits = DEFAULT_LIMITS): unknown {
  return new Walker(limits).value(value, 0);
}

// Records reuse one walker per limits object. Walks inside a walk (an Error's properties, via
// errorShape and toLoggable) get their own walker, so the ancestor chain is never shared.
const walkers = new WeakMap<LoggableLimits, Walker>();
function walkerFor(limits: LoggableLimits): Walker {
  let walker = walkers.get(limits);
  if (walker === undefined) {
    walker = new Walker(limits);
    walkers.set(limits, walker);
  }
  return walker;
}

/** Like toLoggable for a log call's object; the result is always a plain object, perhaps the input. */
export function toLoggableRecord(value: object, limits: LoggableLimits = DEFAULT_LIMITS): Record<string, unknown> {
  return walkerFor(limits).record(value);
}
