/**
 * OpenSearch field types the contract uses. Kept to a small set so every consumer
 * (index template, DQL compiler, CLI) can handle each one deliberately.
 */
export type FieldType = 'keyword' | 'text' | 'long' | 'double' | 'date' | 'boolean' | 'flat_object';

/** Where a field name comes from, so readers know which convention to look up. */
export type FieldOrigin = 'otel' | 'ecs' | 'loglift' | 'fluent-bit' | 'kubernetes';

export interface FieldSpec {
  /** Dotted path. App fields are relative to the app record; document fields are absolute. */
  readonly path: string;
  readonly type: FieldType;
  readonly origin: FieldOrigin;
  readonly description: string;
}
