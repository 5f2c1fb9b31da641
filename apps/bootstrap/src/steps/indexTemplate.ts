import { INDEX_MAPPING_SETTINGS, indexMappings } from '@loglift/log-schema';
import type { BootstrapConfig } from '../config/schema.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { comparePlan, type Step, type StepPlan } from './step.js';

/** Composable template for the data stream; settings in the nested string form GET returns. */
export function desiredIndexTemplate(logs: BootstrapConfig['logs'], serverless = false): Record<string, unknown> {
  // Serverless sizes shards itself and takes no shard or replica settings.
  const sizing = serverless ? {} : { number_of_shards: String(logs.shards), number_of_replicas: String(logs.replicas) };
  return {
    index_patterns: [`${logs.dataStream}*`],
    data_stream: {},
    priority: 200,
    template: {
      settings: {
        index: {
          ...sizing,
          ...INDEX_MAPPING_SETTINGS,
        },
      },
      mappings: indexMappings(),
    },
    _meta: { managed_by: MANAGED_BY },
  };
}

interface LiveTemplates {
  index_templates?: { name: string; index_template: Record<string, unknown> }[];
}

/** The logs' index template, or another stream's (`name` and its desired template). */
export function indexTemplateStep(
  ctx: StepContext,
  { name, desired } = {
    name: ctx.config.logs.template,
    desired: desiredIndexTemplate(ctx.config.logs, ctx.config.opensearch.aws?.service === 'aoss'),
  },
): Step {
  const path = `/_index_template/${encodeURIComponent(name)}`;
  return {
    kind: 'index-template',
    name,
    async plan(): Promise<StepPlan> {
      const live = await ctx.os.get<LiveTemplates>(path, { allow: [404] });
      const found = live.status === 200 ? live.body.index_templates?.find((t) => t.name === name) : undefined;
      return comparePlan('index-template', name, found?.index_template, desired, async (exists) => {
        await ctx.os.request('PUT', path, { body: desired, ...(exists ? {} : { query: { create: true } }) });
      });
    },
  };
}
