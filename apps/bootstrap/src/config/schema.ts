import { GROUP_NAME_PATTERN, groupDataStream, NAMESPACE_PATTERN, routingProblems } from '@loglift/log-schema';
import { z } from 'zod';
import { DEFAULT_TEMPLATE_PRIORITY, ismAge, ismSize, priority, resourceName } from './nameRules.js';
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
  /** Priority of the policy's ism_template for `<dataStream>*`. */
  templatePriority: priority.default(DEFAULT_TEMPLATE_PRIORITY),
});

const logsSchema = z.strictObject({
  dataStream: resourceName.default('logs-loglift'),
  template: resourceName.default('loglift-logs'),
  templatePriority: priority.default(DEFAULT_TEMPLATE_PRIORITY),
  shards: z.number().int().positive().max(1024).default(1),
  replicas: z.number().int().min(0).max(16).default(1),
  retention: retentionSchema.default(retentionSchema.parse({})),
});

/** An IAM role ARN, the form fine-grained access control maps as a backend role. */
const iamRoleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN like arn:aws:iam::111122223333:role/name');

const writerSchema = z
  .strictObject({
    backendRoles: z.array(z.string().min(1)).default([]),
    // IRSA: the role in this ServiceAccount's eks.amazonaws.com/role-arn annotation is mapped.
    serviceAccount: z.strictObject({ namespace: z.string().min(1), name: z.string().min(1) }).optional(),
    // Fluent Bit assumes this role (aws_role_arn) and signs with it: the role fine-grained access
    // control sees, so it is mapped instead of the ServiceAccount's own role.
    assumeRoleArn: iamRoleArn.optional(),
    // EKS Pod Identity: the association lives in EKS, not in any object the hook can read.
    podIdentity: z.boolean().default(false),
    internalUser: z.strictObject({ name: securityName }).optional(),
    // Users that already exist (e.g. the one in a basic-auth Secret the chart was given).
    users: z.array(securityName).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.podIdentity && !value.assumeRoleArn && value.backendRoles.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['backendRoles'],
        message:
          'must list the IAM role of the EKS Pod Identity association when podIdentity is true: the association lives in EKS, outside anything the bootstrap can read',
      });
    }
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

const groupName = z
  .string()
  .regex(GROUP_NAME_PATTERN, 'must be lowercase letters, digits and "-", start with a letter, at most 40 characters');

/**
 * A namespace group with its own data stream `<logs.dataStream>-<stream>` (the chart's
 * routing.groups); Fluent Bit and the transport route by the same rule (@loglift/log-schema).
 */
const groupSchema = z.strictObject({
  name: groupName,
  stream: groupName.optional(),
  namespaces: z.array(z.string().regex(NAMESPACE_PATTERN, 'must be a namespace name or a glob of one (*, ?)')).min(1),
  // Only the deletion age is per group; rollover and sizing follow logs.
  deleteAfterDays: z.number().int().positive().max(36500).optional(),
  readers: readerSchema.default(readerSchema.parse({})),
  documentLevelSecurity: z.boolean().default(false),
  tenant: z.string().min(1).optional(),
});

const routingSchema = z.strictObject({ groups: z.array(groupSchema).default([]) }).superRefine((value, ctx) => {
  for (const message of routingProblems(value.groups)) ctx.addIssue({ code: 'custom', path: ['groups'], message });
  const names = value.groups.map((group) => group.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) ctx.addIssue({ code: 'custom', path: ['groups'], message: `group "${twice}" is listed twice` });
});

const indexPatternSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, ".", "_" or "-"'),
  title: z.string().min(1),
  timeFieldName: z.string().min(1).default('@timestamp'),
  default: z.boolean().default(false),
});

/** Names the security plugin reads as the requesting identity's own private tenant. */
const PRIVATE_TENANT_NAMES = ['private', 'Private', '__user__'];

const tenantSchema = z
  .string()
  .min(1)
  .refine((tenant) => !PRIVATE_TENANT_NAMES.includes(tenant), {
    error: "is the private tenant of the hook's own identity, which nobody else sees: use global or a custom tenant",
  });

const dashboardsSchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    tenants: z.array(tenantSchema).min(1).default(['global']),
    indexPatterns: z
      .array(indexPatternSchema)
      .default([{ id: 'loglift-logs', title: 'logs-loglift*', timeFieldName: '@timestamp', default: true }]),
    forceDefault: z.boolean().default(false),
    /** The saved search and logs overview dashboard, built on each tenant's default index pattern. */
    builtinContent: z.boolean().default(true),
    /** ndjson export files imported into every shared tenant (not into the groups' own tenants). */
    savedObjectsFiles: z.array(z.string().min(1)).default([]),
    waitSeconds: z.number().int().positive().max(3600).default(120),
  })
  .superRefine((value, ctx) => {
    if (value.indexPatterns.filter((pattern) => pattern.default).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['indexPatterns'], message: 'at most one index pattern may be default' });
    }
    const repeated = value.tenants.find((tenant, index) => value.tenants.indexOf(tenant) !== index);
    if (repeated) ctx.addIssue({ code: 'custom', path: ['tenants'], message: `lists ${repeated} twice` });
    if (value.builtinContent && value.indexPatterns.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['builtinContent'],
        message: 'needs an index pattern to build on: add one to indexPatterns or set builtinContent to false',
      });
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
    /** The Job's activeDeadlineSeconds: the waits for OpenSearch and Dashboards must end before it. */
    deadlineSeconds: z.number().int().positive().optional(),
    routing: routingSchema.default(routingSchema.parse({})),
    events: eventsStreamSchema.optional(),
    nodeLogs: nodeLogsStreamSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const { security } = value;
    waitsFitDeadline(value, ctx);
    routingRules(value, ctx);
    sideStreamClashes(value, ctx);
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

/** The run must report a timeout itself rather than be killed by the Job's deadline. */
function waitsFitDeadline(value: DeadlineInput, ctx: Pick<z.core.$RefinementCtx, 'addIssue'>) {
  if (value.deadlineSeconds === undefined) return;
  const opensearch = value.opensearch.waitSeconds;
  const dashboards = value.dashboards?.waitSeconds ?? 0;
  if (opensearch + dashboards < value.deadlineSeconds) return;
  const sum = value.dashboards
    ? `opensearch.waitSeconds (${opensearch}) + dashboards.waitSeconds (${dashboards}) = ${opensearch + dashboards}`
    : `opensearch.waitSeconds (${opensearch})`;
  ctx.addIssue({
    code: 'custom',
    path: ['deadlineSeconds'],
    message: `${sum} must be less than deadlineSeconds (${value.deadlineSeconds}), so the run reports a timeout before the Job is killed`,
  });
}

interface DeadlineInput {
  readonly opensearch: { readonly waitSeconds: number };
  readonly dashboards?: { readonly waitSeconds: number } | undefined;
  readonly deadlineSeconds?: number | undefined;
}

/** Cross-field rules of the groups: shared streams agree on retention, role names stay apart. */
function routingRules(value: RoutingInput, ctx: Pick<z.core.$RefinementCtx, 'addIssue'>) {
  const days = new Map<string, { group: string; days: number }>();
  for (const group of value.routing.groups) {
    const stream = groupDataStream(value.logs.dataStream, group);
    const wanted = group.deleteAfterDays ?? value.logs.retention.deleteAfterDays;
    const first = days.get(stream);
    if (first && first.days !== wanted) {
      ctx.addIssue({
        code: 'custom',
        path: ['routing', 'groups'],
        message: `groups "${first.group}" and "${group.name}" share the data stream ${stream} but not its retention (${first.days} and ${wanted} days)`,
      });
    }
    if (!first) days.set(stream, { group: group.name, days: wanted });
    const role = `${value.security.readerRole}-${group.name}`;
    if (role === value.security.writerRole) {
      ctx.addIssue({
        code: 'custom',
        path: ['routing', 'groups'],
        message: `the reader role of group "${group.name}" would be ${role}, the writer role`,
      });
    }
  }
  if (value.opensearch.aws?.service === 'aoss' && value.routing.groups.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['routing', 'groups'],
      message: 'OpenSearch Serverless has no roles or tenants to set up per group: leave routing.groups empty',
    });
  }
}

interface RoutingInput {
  readonly opensearch: z.output<typeof opensearchSchema>;
  readonly logs: z.output<typeof logsSchema>;
  readonly security: z.output<typeof securitySchema>;
  readonly routing: z.output<typeof routingSchema>;
  readonly events?: { readonly dataStream: string } | undefined;
  readonly nodeLogs?: { readonly dataStream: string } | undefined;
}

/**
 * A side stream's template matches `<its name>*` above the group streams' priority, so a group
 * stream named like it (or below it) would be typed as Events or node logs.
 */
function sideStreamClashes(value: RoutingInput, ctx: Pick<z.core.$RefinementCtx, 'addIssue'>) {
  const sides = [
    ['events', value.events?.dataStream],
    ['nodeLogs', value.nodeLogs?.dataStream],
  ] as const;
  for (const group of value.routing.groups) {
    const stream = groupDataStream(value.logs.dataStream, group);
    for (const [key, side] of sides) {
      if (side === undefined || !stream.startsWith(side)) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['routing', 'groups'],
        message: `group "${group.name}" would write to ${stream}, which the ${key} stream's template (${side}*) claims; choose another stream name for the group`,
      });
    }
  }
}

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
export type GroupConfig = z.output<typeof groupSchema>;
export type BootstrapConfigInput = z.input<typeof bootstrapConfigSchema>;
