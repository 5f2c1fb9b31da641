/** Thrown by createLogger/httpLogger when an option is invalid; the message names the option. */
export class LoggerOptionError extends Error {
  readonly option: string;

  constructor(option: string, problem: string) {
    super(`Invalid logger option "${option}": ${problem}`);
    this.name = 'LoggerOptionError';
    this.option = option;
  }
}

/** Short, safe description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
