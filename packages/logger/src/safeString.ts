import { toLoggable } from './toLoggable.js';

/** A string for any value, for messages and error text; never throws. */
export function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  try {
    if (typeof value === 'object' && value !== null) {
      const json = JSON.stringify(toLoggable(value));
      return json ?? String(value);
    }
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
