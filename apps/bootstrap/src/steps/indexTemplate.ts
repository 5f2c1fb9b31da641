import { INDEX_MAPPING_SETTINGS, indexMappings } from '@loglift/log-schema';
import type { LogStream } from '../config/logStreams.js';
import { OpenSearchError } from '../opensearch/openSearchError.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { comparePlan, type Step, type StepPlan } from './step.js';

/** Composable template for the data stream; settings in the nested string form GET returns. */
export function desiredIndexTemplate(
  logs: Pick<LogStream, 'shards' | 'replicas' | 'indexPatterns' | 'templatePriority'>,
  serverless = false,
): Record<string, unknown> {
  // Serverless sizes shards itself and takes no shard or replica settings.
  const sizing = serverless ? {} : { number_of_shards: String(logs.shards), number_of_replicas: String(logs.replicas) };
  return {
    index_patterns: [...logs.indexPatterns],
    data_stream: {},
    priority: logs.templatePriority,
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

/** A stream's index template: the logs' typed template unless `desired` gives another (side streams). */
export function indexTemplateStep(
  ctx: StepContext,
  stream: LogStream,
  desired: Record<string, unknown> = desiredIndexTemplate(stream, ctx.config.opensearch.aws?.service === 'aoss'),
): Step {
  const name = stream.template;
  const path = `/_index_template/${encodeURIComponent(name)}`;
  return {
    kind: 'index-template',
    name,
    async plan(): Promise<StepPlan> {
      const live = await ctx.os.get<LiveTemplates>(path, { allow: [404] });
      const found = live.status === 200 ? live.body.index_templates?.find((t) => t.name === name) : undefined;
      return comparePlan('index-template', name, found?.index_template, desired, async (exists) => {
        try {
          await ctx.os.request('PUT', path, { body: desired, ...(exists ? {} : { query: { create: true } }) });
        } catch (error) {
          throw explainPriorityClash(name, stream, error);
        }
      });
    },
  };
}

/**
 * OpenSearch refuses a composable template whose patterns overlap another's at the same priority
 * (MetadataIndexTemplateService): say which template and which value to change.
 */
function explainPriorityClash(name: string, stream: LogStream, error: unknown): unknown {
  if (!(error instanceof OpenSearchError)) return error;
  const reason = JSON.stringify(error.body);
  const others = /matching patterns from existing templates \[([^\]]*)\]/.exec(reason)?.[1];
  if (others === undefined) return error;
  return new Error(
    `index template ${name} (patterns ${JSON.stringify(stream.indexPatterns)}, priority ${stream.templatePriority}) overlaps index template ${others.split(',').join(', ')} at the same priority; set logs.templatePriority to another value (higher to win for this data stream; group streams take it plus one)`,
  );
}
