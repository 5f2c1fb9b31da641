import { STREAM_MAPPING_SETTINGS, type StreamKind, streamIndexMappings } from '@loglift/log-schema';
import type { SideStream } from '../config/streamSchema.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { indexTemplateStep } from './indexTemplate.js';
import { desiredIsmPolicy, ismPolicyStep } from './ismPolicy.js';
import type { Step, StepPlan } from './step.js';

/**
 * Above the logs' own template (200) and ISM template (100), whose `<logs.dataStream>*` patterns
 * also match a side stream's name: OpenSearch applies the matching template of highest priority.
 */
const TEMPLATE_PRIORITY = 250;
const ISM_PRIORITY = 150;

/** Retention of a side stream: the logs' policy shape, its own pattern, ahead of the logs' policy. */
export function desiredSideStreamPolicy(stream: SideStream): { policy: Record<string, unknown> } {
  const { policy } = desiredIsmPolicy(stream);
  return {
    policy: { ...policy, ism_template: [{ index_patterns: [`${stream.dataStream}*`], priority: ISM_PRIORITY }] },
  };
}

/** Composable template of a side stream, typed for its documents (see streamIndexMappings). */
export function desiredSideStreamTemplate(
  stream: SideStream,
  kind: StreamKind,
  serverless = false,
): Record<string, unknown> {
  const sizing = serverless
    ? {}
    : { number_of_shards: String(stream.shards), number_of_replicas: String(stream.replicas) };
  return {
    index_patterns: [`${stream.dataStream}*`],
    data_stream: {},
    priority: TEMPLATE_PRIORITY,
    template: { settings: { index: { ...sizing, ...STREAM_MAPPING_SETTINGS } }, mappings: streamIndexMappings(kind) },
    _meta: { managed_by: MANAGED_BY },
  };
}

/** Created once; a changed template applies from the next rollover. */
function dataStreamStep(ctx: StepContext, stream: SideStream): Step {
  const name = stream.dataStream;
  const path = `/_data_stream/${encodeURIComponent(name)}`;
  return {
    kind: 'data-stream',
    name,
    async plan(): Promise<StepPlan> {
      const live = await ctx.os.get<{ data_streams?: { name: string }[] }>(path, { allow: [404] });
      if (live.status === 200 && live.body.data_streams?.some((s) => s.name === name)) {
        return { kind: 'data-stream', name, action: 'unchanged', changes: [] };
      }
      const index = await ctx.os.request('HEAD', `/${encodeURIComponent(name)}`, { allow: [404] });
      if (index.status === 200) {
        throw new Error(
          `an index or alias named ${name} exists and is not a data stream; remove it or rename the stream`,
        );
      }
      return {
        kind: 'data-stream',
        name,
        action: 'create',
        changes: [{ path: '', op: 'add', to: { name, template: stream.template } }],
        write: async () => {
          await ctx.os.request('PUT', path);
        },
      };
    },
  };
}

/**
 * The Kubernetes Events and node log streams, when configured: retention, template, data stream.
 * On OpenSearch Serverless only the template (the first write creates the stream; retention is a
 * lifecycle policy there).
 */
export function sideStreamSteps(ctx: StepContext): Step[] {
  const serverless = ctx.config.opensearch.aws?.service === 'aoss';
  const streams: [SideStream | undefined, StreamKind][] = [
    [ctx.config.events, 'events'],
    [ctx.config.nodeLogs, 'node'],
  ];
  const steps: Step[] = [];
  for (const [stream, kind] of streams) {
    if (!stream) continue;
    const template = indexTemplateStep(ctx, {
      name: stream.template,
      desired: desiredSideStreamTemplate(stream, kind, serverless),
    });
    if (serverless) steps.push(template);
    else {
      const policy = ismPolicyStep(ctx, { name: stream.retention.policy, desired: desiredSideStreamPolicy(stream) });
      steps.push(policy, template, dataStreamStep(ctx, stream));
    }
  }
  return steps;
}
