import { errorShape, type SerializedError } from './errorShape.js';
import { toLoggable } from './toLoggable.js';

export type { CauseNode, ErrorDetails, SerializedError } from './errorShape.js';

/**
 * Turns any thrown value (Error, string, plain object, null, ...) into the contract's error shape.
 * Never throws: properties that throw on read are reported instead of propagated.
 */
export function serializeError(err: unknown): SerializedError {
  return errorShape(err, toLoggable);
}
