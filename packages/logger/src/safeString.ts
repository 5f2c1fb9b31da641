import { textOf } from './textOf.js';
import { toLoggable } from './toLoggable.js';

/** A string for any value, for messages and error text; never throws. */
export function safeString(value: unknown): string {
  return textOf(value, toLoggable);
}
