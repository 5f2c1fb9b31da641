import { STREAM_MAPPING_SETTINGS, type StreamKind, streamIndexMappings } from '@loglift/log-schema';
import { defaultStream, type LogStream } from '../config/logStreams.js';
import type { BootstrapConfig } from '../config/schema.js';
import type { SideStream } from '../config/streamSchema.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { dataStreamStep } from './dataStream.js';
import { indexTemplateStep } from './indexTemplate.js';
import { ismPolicyStep } from './ismPolicy.js';
import type { Step } from './step.js';

/**
 * A side stream as a log stream: the logs' `<logs.dataStream>*` patterns also match its name, so
 * its template and ISM template take the logs' priorities plus two (group streams take plus one
 * and name their stream exactly): OpenSearch applies the matching template of highest priority.
 */
export function sideLogStream(config: BootstrapConfig, stream: SideStream): LogStream {
  const logs = defaultStream(config);
  return {
    dataStream: stream.dataStream,
    template: stream.template,
    shards: stream.shards,
    replicas: stream.replicas,
    retention: { ...stream.retention, templatePriority: logs.ismPriority + 2 },
    indexPatterns: [`${stream.dataStream}*`],
    templatePriority: logs.templatePriority + 2,
    ismPriority: logs.ismPriority + 2,
    groups: [],
  };
}

/** Composable template of a side stream, typed for its documents (see streamIndexMappings). */
export function desiredSideStreamTemplate(
  stream: LogStream,
  kind: StreamKind,
  serverless = false,
): Record<string, unknown> {
  const sizing = serverless
    ? {}
    : { number_of_shards: String(stream.shards), number_of_replicas: String(stream.replicas) };
  return {
    index_patterns: [...stream.indexPatterns],
    data_stream: {},
    priority: stream.templatePriority,
    template: { settings: { index: { ...sizing, ...STREAM_MAPPING_SETTINGS } }, mappings: streamIndexMappings(kind) },
    _meta: { managed_by: MANAGED_BY },
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
  for (const [side, kind] of streams) {
    if (!side) continue;
    const stream = sideLogStream(ctx.config, side);
    const template = indexTemplateStep(ctx, stream, desiredSideStreamTemplate(stream, kind, serverless));
    if (serverless) steps.push(template);
    else steps.push(ismPolicyStep(ctx, stream), template, dataStreamStep(ctx, stream, { upgrade: false }));
  }
  return steps;
}
