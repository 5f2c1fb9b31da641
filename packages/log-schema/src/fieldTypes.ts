/**
 * OpenSearch field types the contract uses. Kept to a small set so every consumer
 * (index template, DQL compiler, CLI) can handle each one deliberately.
 */
export type FieldType = 'keyword' | 'text' | 'long' | 'double' | 'date' | 'boolean' | 'flat_object';

/** Where a field name comes from, so readers know which convention to look up. */
export type FieldOrigin = 'otel' | 'ecs' | 'loglift' | 'fluent-bit' | 'kubernetes';

/**
 * How the lift turns a value an app logged into a typed root field. `level` and `time` normalize
 * the many shapes loggers use; the others accept a value of the field's type (numbers given as
 * digit strings included) and skip anything else, which then stays findable under `app.*` only.
 */
export type Conversion =
  | 'keyword'
  | 'text'
  | 'long'
  | 'double'
  | 'boolean'
  | 'level'
  | 'otelSeverity'
  | 'time'
  | 'urlPath'
  | 'httpMethod'
  | 'httpStatus'
  | 'nanosToMillis'
  | 'secondsToMillis';

/** One place a logger may put a field: a path in its JSON line, and how its value converts. */
export interface LiftSource {
  /** Dotted path; matches nested objects and literal dotted keys alike (`log.level`). */
  readonly path: string;
  readonly convert: Conversion;
}

export interface FieldSpec {
  /** Dotted path. App fields are relative to the app record; document fields are absolute. */
  readonly path: string;
  readonly type: FieldType;
  readonly origin: FieldOrigin;
  readonly description: string;
}

/** A field of the contract: what @loglift/logger writes and what the lift types at the root. */
export interface AppFieldSpec extends FieldSpec {
  /** Other loggers' names for the field, tried in order after the contract's own path. */
  readonly aliases?: readonly (string | LiftSource)[];
  /** Overrides the conversion the field's type implies (for the contract path and plain aliases). */
  readonly convert?: Conversion;
  /** Root path of the typed field when it is not the contract path itself. */
  readonly target?: string;
}
