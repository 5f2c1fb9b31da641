import { z } from 'zod';
import { ismAge, ismSize, resourceName } from './nameRules.js';

interface StreamDefaults {
  readonly dataStream: string;
  readonly template: string;
  readonly policy: string;
  readonly deleteAfterDays: number;
}

/**
 * A data stream beside the container logs (Kubernetes Events, node logs) with its own template,
 * typed for its documents, and its own retention.
 */
export function sideStreamSchema(defaults: StreamDefaults) {
  const retention = z.strictObject({
    policy: resourceName.default(defaults.policy),
    deleteAfterDays: z.number().int().positive().max(36500).default(defaults.deleteAfterDays),
    rolloverAge: ismAge.default('1d'),
    rolloverSize: ismSize.default('10gb'),
  });
  return z.strictObject({
    dataStream: resourceName.default(defaults.dataStream),
    template: resourceName.default(defaults.template),
    shards: z.number().int().positive().max(1024).default(1),
    replicas: z.number().int().min(0).max(16).default(1),
    retention: retention.default(retention.parse({})),
  });
}

export const eventsStreamSchema = sideStreamSchema({
  dataStream: 'logs-loglift-events',
  template: 'loglift-events',
  policy: 'loglift-events-retention',
  deleteAfterDays: 7,
});

export const nodeLogsStreamSchema = sideStreamSchema({
  dataStream: 'logs-loglift-node',
  template: 'loglift-node-logs',
  policy: 'loglift-node-logs-retention',
  deleteAfterDays: 7,
});

export type SideStream = z.output<typeof eventsStreamSchema>;

interface SideStreamInput {
  readonly logs: {
    readonly dataStream: string;
    readonly template: string;
    readonly retention: { readonly policy: string };
  };
  readonly events?: SideStream | undefined;
  readonly nodeLogs?: SideStream | undefined;
}

/**
 * The writer and reader roles cover `<logs.dataStream>*`, so a side stream must be named below it;
 * its template and policy must not take the names of the logs' own (they would overwrite them).
 */
export function sideStreamRules(value: SideStreamInput, ctx: Pick<z.core.$RefinementCtx, 'addIssue'>): void {
  const seen = new Map<string, string>([
    [`template ${value.logs.template}`, 'logs.template'],
    [`policy ${value.logs.retention.policy}`, 'logs.retention.policy'],
    [`stream ${value.logs.dataStream}`, 'logs.dataStream'],
  ]);
  for (const key of ['events', 'nodeLogs'] as const) {
    const stream = value[key];
    if (!stream) continue;
    if (!stream.dataStream.startsWith(`${value.logs.dataStream}-`)) {
      ctx.addIssue({
        code: 'custom',
        path: [key, 'dataStream'],
        message: `must start with "${value.logs.dataStream}-" so the writer and reader roles cover it`,
      });
    }
    const names: [string, (string | number)[]][] = [
      [`stream ${stream.dataStream}`, [key, 'dataStream']],
      [`template ${stream.template}`, [key, 'template']],
      [`policy ${stream.retention.policy}`, [key, 'retention', 'policy']],
    ];
    for (const [name, path] of names) {
      const other = seen.get(name);
      if (other) ctx.addIssue({ code: 'custom', path, message: `must differ from ${other} (${name.split(' ')[1]})` });
      else seen.set(name, path.join('.'));
    }
  }
}
