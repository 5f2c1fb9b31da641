/** Reads a property, turning a throwing getter or proxy trap into a marker string. */
export function readProperty(target: object, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch (err) {
    return `[Unreadable: ${errorText(err)}]`;
  }
}

/** The message of something thrown, for marker strings; never throws. */
export function errorText(err: unknown): string {
  try {
    return err instanceof Error ? err.message : String(err);
  } catch {
    return 'unknown error';
  }
}

/** Appended to a string that was cut. */
export const TRUNCATED_MARK = '...[truncated]';

/** The string cut to max characters with a marker (never splitting a surrogate pair), if longer. */
export function cutString(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const code = value.charCodeAt(end - 1);
  // Do not leave half of a surrogate pair behind.
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return value.slice(0, end) + TRUNCATED_MARK;
}

/** Sets a key as an own data property, `__proto__` included (assignment would set the prototype). */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** A copy of the first `count` enumerable properties, read again (they were plain values). */
export function copyFirst(source: Record<string, unknown>, count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let index = 0;
  for (const key in source) {
    if (index === count) break;
    setKey(out, key, source[key]);
    index += 1;
  }
  return out;
}
