/** Makes a value safe to serialize (toLoggable), passed in by callers that cannot import it. */
export type MakeLoggable = (value: unknown) => unknown;

/** A string for any value: strings as they are, anything else as JSON once made safe; never throws. */
export function textOf(value: unknown, loggable: MakeLoggable): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  try {
    if (typeof value === 'object' && value !== null) {
      const json = JSON.stringify(loggable(value));
      return json ?? String(value);
    }
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
