import { groupStreams } from '@loglift/log-schema';
import type { BootstrapConfig, GroupConfig } from './schema.js';

/**
 * One data stream the bootstrap manages, with its template and retention. The default stream
 * (`logs`) matches `<dataStream>*`, so it would also match every group stream; a group stream's
 * template and ISM template name the stream exactly and take the default's priority plus one, so it wins and
 * two groups never overlap (OpenSearch refuses overlapping templates of equal priority).
 */
export interface LogStream {
  readonly dataStream: string;
  readonly template: string;
  readonly shards: number;
  readonly replicas: number;
  readonly retention: BootstrapConfig['logs']['retention'];
  readonly indexPatterns: readonly string[];
  readonly templatePriority: number;
  readonly ismPriority: number;
  /** Groups routed to this stream; empty for the default stream. */
  readonly groups: readonly GroupConfig[];
}

export function defaultStream(config: BootstrapConfig): LogStream {
  const { dataStream, template, shards, replicas, retention } = config.logs;
  return {
    dataStream,
    template,
    shards,
    replicas,
    retention,
    indexPatterns: [`${dataStream}*`],
    templatePriority: config.logs.templatePriority,
    ismPriority: retention.templatePriority,
    groups: [],
  };
}

/** The default stream first, then each group stream once (groups sharing one share it). */
export function logStreams(config: BootstrapConfig): LogStream[] {
  const base = defaultStream(config);
  const groups = groupStreams(config.logs.dataStream, config.routing.groups);
  return [
    base,
    ...groups.map(({ dataStream, groups: own }) => {
      const suffix = dataStream.slice(config.logs.dataStream.length + 1);
      const days = own[0]?.deleteAfterDays ?? config.logs.retention.deleteAfterDays;
      return {
        ...base,
        dataStream,
        template: `${config.logs.template}-${suffix}`,
        retention: {
          ...config.logs.retention,
          policy: `${config.logs.retention.policy}-${suffix}`,
          deleteAfterDays: days,
        },
        indexPatterns: [dataStream],
        templatePriority: base.templatePriority + 1,
        ismPriority: base.ismPriority + 1,
        groups: own,
      };
    }),
  ];
}
