import { defaultStream, logStreams } from './config/logStreams.js';
import type { JsonChange } from './json/diffJson.js';
import type { StepContext } from './steps/context.js';
import { dashboardsSteps } from './steps/dashboards.js';
import { dataStreamStep } from './steps/dataStream.js';
import { indexTemplateStep } from './steps/indexTemplate.js';
import { internalUserStep } from './steps/internalUser.js';
import { ismAttachStep } from './steps/ismAttach.js';
import { ismPolicyStep } from './steps/ismPolicy.js';
import { roleMappingSteps } from './steps/roleMappings.js';
import { roleSteps } from './steps/roles.js';
import { serverlessPolicySteps } from './steps/serverlessPolicies.js';
import { sideStreamSteps } from './steps/sideStreams.js';
import { type Action, type Step, type StepPlan, skipped } from './steps/step.js';
import { tenantSteps } from './steps/tenants.js';

export interface PlannedObject {
  readonly kind: string;
  readonly name: string;
  readonly action: Action;
  readonly changes: readonly JsonChange[];
  readonly note?: string;
  readonly document?: unknown;
}

/** A step that is known up front not to run (security off, Dashboards not configured). */
function skippedStep(kind: string, name: string, note: string): Step {
  return { kind, name, plan: async () => skipped(kind, name, note) };
}

/** Every managed object in convergence order: each one only needs those before it. */
export function buildSteps(ctx: StepContext): Step[] {
  const { config } = ctx;
  if (config.opensearch.aws?.service === 'aoss') return serverlessSteps(ctx);
  // Per stream: retention before the template, the template before its data stream, then
  // retention for the stream's existing backing indices.
  const steps: Step[] = logStreams(config).flatMap((stream) => [
    ismPolicyStep(ctx, stream),
    indexTemplateStep(ctx, stream),
    dataStreamStep(ctx, stream),
    ismAttachStep(ctx, stream),
  ]);
  steps.push(...sideStreamSteps(ctx));
  if (config.security.enabled) {
    steps.push(...tenantSteps(ctx), ...roleSteps(ctx));
    const user = internalUserStep(ctx);
    if (user) steps.push(user);
    steps.push(...roleMappingSteps(ctx));
  } else {
    steps.push(skippedStep('security', 'roles, role mappings, users', 'security.enabled is false'));
  }
  if (config.dashboards && ctx.dashboards) steps.push(...dashboardsSteps(ctx));
  else steps.push(skippedStep('dashboards', 'index patterns', 'dashboards is not configured'));
  return steps;
}

/**
 * OpenSearch Serverless: only the index template and the Dashboards objects can be set up through
 * the collection endpoint; roles and retention are printed as policies (serverlessPolicies.ts).
 * The data stream is created by Fluent Bit's first write through the template.
 */
function serverlessSteps(ctx: StepContext): Step[] {
  const steps: Step[] = [
    indexTemplateStep(ctx, defaultStream(ctx.config)),
    ...sideStreamSteps(ctx),
    ...serverlessPolicySteps(ctx),
  ];
  if (ctx.config.dashboards && ctx.dashboards) steps.push(...dashboardsSteps(ctx));
  else steps.push(skippedStep('dashboards', 'index patterns', 'dashboards is not configured'));
  return steps;
}

export function describePlan(plan: StepPlan): PlannedObject {
  return {
    kind: plan.kind,
    name: plan.name,
    action: plan.action,
    changes: plan.changes,
    ...(plan.note ? { note: plan.note } : {}),
    ...(plan.document === undefined ? {} : { document: plan.document }),
  };
}

/** Reads every object and says what `apply` would do; sends no write. */
export async function plan(steps: readonly Step[]): Promise<PlannedObject[]> {
  const out: PlannedObject[] = [];
  for (const step of steps) out.push(describePlan(await step.plan()));
  return out;
}
