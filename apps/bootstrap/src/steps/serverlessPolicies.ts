import type { BootstrapConfig } from '../config/schema.js';
import { MANAGED_BY, type StepContext } from './context.js';
import type { Step, StepPlan } from './step.js';

/**
 * OpenSearch Serverless has neither the security plugin nor ISM: access is a data access policy
 * and retention a data lifecycle policy, both set through the AWS control plane
 * (`aoss:CreateAccessPolicy`, `aoss:CreateLifecyclePolicy`), which the hook's data-plane identity
 * does not hold. The hook prints both documents for whoever owns the collection. Shapes and
 * permission names from the AWS developer guide: serverless-data-access.md (Rules, ResourceType,
 * Resource `index/<collection>/<pattern>`, Principal) and serverless-lifecycle.md
 * (`MinIndexRetention`, policy type `retention`).
 */
export function desiredDataAccessPolicy(
  config: BootstrapConfig,
  writerPrincipals: readonly string[],
): Record<string, unknown>[] {
  const resource = indexResource(config);
  const rules: Record<string, unknown>[] = [
    {
      Description: `loglift writer: Fluent Bit appends to ${config.logs.dataStream} (${MANAGED_BY})`,
      Rules: [
        {
          ResourceType: 'index',
          Resource: [resource],
          // CreateIndex: the first bulk creates the data stream's index from the template.
          Permission: ['aoss:CreateIndex', 'aoss:DescribeIndex', 'aoss:WriteDocument'],
        },
      ],
      Principal: [...writerPrincipals],
    },
  ];
  const readers = config.security.reader.backendRoles;
  if (readers.length > 0) {
    rules.push({
      Description: `loglift reader: search ${config.logs.dataStream} (${MANAGED_BY})`,
      Rules: [{ ResourceType: 'index', Resource: [resource], Permission: ['aoss:DescribeIndex', 'aoss:ReadDocument'] }],
      Principal: [...readers],
    });
  }
  return rules;
}

export function desiredLifecyclePolicy(config: BootstrapConfig): Record<string, unknown> {
  return {
    Rules: [
      {
        ResourceType: 'index',
        Resource: [indexResource(config)],
        MinIndexRetention: `${config.logs.retention.deleteAfterDays}d`,
      },
    ],
  };
}

function indexResource(config: BootstrapConfig): string {
  return `index/${config.opensearch.aws?.collection ?? '<collection>'}/${config.logs.dataStream}*`;
}

function printed(kind: string, name: string, note: string, document: unknown): Step {
  const plan: StepPlan = { kind, name, action: 'skipped', changes: [], note, document };
  return { kind, name, plan: async () => plan };
}

/** The two policies as plan entries: printed with the command that applies them, never sent. */
export function serverlessPolicySteps(ctx: StepContext): Step[] {
  const { config } = ctx;
  const name = config.logs.retention.policy;
  const access = desiredDataAccessPolicy(config, ctx.writerBackendRoles);
  const lifecycle = desiredLifecyclePolicy(config);
  return [
    printed(
      'aoss-data-access-policy',
      name,
      `OpenSearch Serverless has no security API: apply with aws opensearchserverless create-access-policy --type data --name ${name} --policy '<json below>'`,
      access,
    ),
    printed(
      'aoss-lifecycle-policy',
      name,
      `OpenSearch Serverless has no ISM: apply with aws opensearchserverless create-lifecycle-policy --type retention --name ${name} --policy '<json below>'`,
      lifecycle,
    ),
  ];
}
