import { appFields } from './appFields.js';
import type { FieldOrigin } from './fieldTypes.js';
import { MERGE_KEY } from './mergeKey.js';

const ORIGINS: Record<FieldOrigin, string> = {
  otel: 'OpenTelemetry',
  ecs: 'ECS',
  loglift: 'loglift',
  'fluent-bit': 'Fluent Bit',
  kubernetes: 'Kubernetes',
};

/**
 * The contract's fields as a Markdown table (written as, typed at, type, name from, other
 * loggers' names), for the READMEs that document them; a test keeps each README's copy current.
 */
export function contractFieldTable(): string {
  const rows = appFields.map((field) => {
    const target = ('target' in field ? field.target : undefined) ?? field.path;
    const aliases =
      'aliases' in field ? field.aliases.map((alias) => (typeof alias === 'string' ? alias : alias.path)) : [];
    const others = aliases.length === 0 ? '' : aliases.map((alias) => `\`${alias}\``).join(', ');
    return `| \`${field.path}\` | \`${target}\` (and \`${MERGE_KEY}.${field.path}\`) | ${field.type} | ${ORIGINS[field.origin]} | ${others} |`;
  });
  return [
    '| Written as | Typed in OpenSearch as | Type | Name from | Also lifted from |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
