import { z } from 'zod';
import { ismAge, ismSize, resourceName } from './nameRules.js';
import { eventsStreamSchema, nodeLogsStreamSchema, sideStreamRules } from './streamSchema.js';

/** Roles whose mappings are only touched when `security.allowAllAccessMapping` is true. */
export const PRIVILEGED_ROLES: readonly string[] = ['all_access', 'security_manager'];

const securityName = z
  .string()
  .min(1)
  .regex(/^[^\s/]+$/, 'must not contain spaces or "/"');

const opensearchSchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    auth: z.enum(['basic', 'aws-sigv4', 'none']).default('basic'),
    aws: z
      .strictObject({
        region: z.string().min(1),
        service: z.enum(['es', 'aoss']).default('es'),
        // Serverless data access and lifecycle policies name the collection, not its endpoint.
        collection: resourceName.optional(),
      })
      .optional(),
    caFile: z.string().min(1).optional(),
    tlsVerify: z.boolean().default(true),
    waitSeconds: z.number().int().positive().max(3600).default(240),
  })
  .superRefine((value, ctx) => {
    if (value.auth === 'aws-sigv4' && !value.aws) {
      ctx.addIssue({ code: 'custom', path: ['aws'], message: 'is required when auth is aws-sigv4' });
    }
    if (value.aws?.service === 'aoss') {
      if (value.auth !== 'aws-sigv4') {
        ctx.addIssue({ code: 'custom', path: ['auth'], message: 'must be aws-sigv4 when aws.service is aoss' });
      }
    }
  });

const retentionSchema = z.strictObject({
  policy: resourceName.default('loglift-logs-retention'),
  deleteAfterDays: z.number().int().positive().max(36500).default(14),
  rolloverAge: ismAge.default('1d'),
  rolloverSize: ismSize.default('10gb'),
});

const logsSchema = z.strictObject({
  dataStream: resourceName.default('logs-loglift'),
  template: resourceName.default('loglift-logs'),
  shards: z.number().int().positive().max(1024).default(1),
  replicas: z.number().int().min(0).max(16).default(1),
  retention: retentionSchema.default(retentionSchema.parse({})),
});

const writerSchema = z.strictObject({
  backendRoles: z.array(z.string().min(1)).default([]),
  serviceAccount: z.strictObject({ namespace: z.string().min(1), name: z.string().min(1) }).optional(),
  internalUser: z.strictObject({ name: securityName }).optional(),
  // Users that already exist (e.g. the one in a basic-auth Secret the chart was given).
  users: z.array(securityName).default([]),
});

const readerSchema = z.strictObject({
  backendRoles: z.array(z.string().min(1)).default([]),
  users: z.array(securityName).default([]),
});

const securitySchema = z.strictObject({
  enabled: z.boolean().default(true),
  writerRole: securityName.default('loglift-writer'),
  readerRole: securityName.default('loglift-reader'),
  writer: writerSchema.default(writerSchema.parse({})),
  reader: readerSchema.default(readerSchema.parse({})),
  allowAllAccessMapping: z.boolean().default(false),
});

const indexPatternSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, ".", "_" or "-"'),
  title: z.string().min(1),
  timeFieldName: z.string().min(1).default('@timestamp'),
  default: z.boolean().default(false),
});

const dashboardsSchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    tenants: z.array(z.string().min(1)).min(1).default(['global']),
    indexPatterns: z
      .array(indexPatternSchema)
      .default([{ id: 'loglift-logs', title: 'logs-loglift*', timeFieldName: '@timestamp', default: true }]),
    forceDefault: z.boolean().default(false),
    savedObjectsFile: z.string().min(1).optional(),
    waitSeconds: z.number().int().positive().max(3600).default(120),
  })
  .superRefine((value, ctx) => {
    if (value.indexPatterns.filter((pattern) => pattern.default).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['indexPatterns'], message: 'at most one index pattern may be default' });
    }
  });

/** The desired state the chart renders into /etc/loglift/bootstrap.yaml. Unknown keys are errors. */
export const bootstrapConfigSchema = z
  .strictObject({
    apiVersion: z.literal('loglift.io/v1'),
    kind: z.literal('BootstrapConfig'),
    opensearch: opensearchSchema,
    logs: logsSchema.default(logsSchema.parse({})),
    security: securitySchema.default(securitySchema.parse({})),
    dashboards: dashboardsSchema.optional(),
    events: eventsStreamSchema.optional(),
    nodeLogs: nodeLogsStreamSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const { security } = value;
    sideStreamRules(value, ctx);
    if (value.opensearch.aws?.service === 'aoss') serverlessRules(value, ctx);
    if (security.enabled && security.writerRole === security.readerRole) {
      ctx.addIssue({ code: 'custom', path: ['security', 'readerRole'], message: 'must differ from writerRole' });
    }
    for (const key of ['writerRole', 'readerRole'] as const) {
      if (PRIVILEGED_ROLES.includes(security[key]) && !security.allowAllAccessMapping) {
        ctx.addIssue({
          code: 'custom',
          path: ['security', key],
          message: `${security[key]} mappings are only changed when security.allowAllAccessMapping is true`,
        });
      }
    }
  });

/**
 * OpenSearch Serverless has no security plugin (data access policies instead), hence no internal
 * users and no Dashboards tenants (AWS developer guide: serverless-data-access.md,
 * serverless-dashboards.md).
 */
function serverlessRules(value: ServerlessInput, ctx: Pick<z.core.$RefinementCtx, 'addIssue'>) {
  if (value.security.writer.internalUser) {
    ctx.addIssue({
      code: 'custom',
      path: ['security', 'writer', 'internalUser'],
      message: 'OpenSearch Serverless has no internal users: the writer must be an IAM principal (writer.backendRoles)',
    });
  }
  if (value.security.writer.users.length > 0 || value.security.reader.users.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['security'],
      message: 'OpenSearch Serverless has no internal users: map IAM principals with backendRoles instead of users',
    });
  }
  const tenants = value.dashboards?.tenants ?? ['global'];
  if (tenants.some((tenant) => tenant !== 'global')) {
    ctx.addIssue({
      code: 'custom',
      path: ['dashboards', 'tenants'],
      message: 'OpenSearch Serverless Dashboards has no tenants: leave tenants at [global]',
    });
  }
}

interface ServerlessInput {
  readonly security: z.output<typeof securitySchema>;
  readonly dashboards?: z.output<typeof dashboardsSchema> | undefined;
}

export type BootstrapConfig = z.output<typeof bootstrapConfigSchema>;
export type BootstrapConfigInput = z.input<typeof bootstrapConfigSchema>;
