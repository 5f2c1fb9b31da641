import { liftRecord, TIMESTAMP_FIELD } from '@loglift/log-schema';
import { parseJsonObject, replaceDots } from '@loglift/logger/opensearch';
import { timestampFromCri } from './criLine.js';
import type { EmulatedPipeline } from './emulatedPipeline.js';

export interface RecordHead {
  readonly time: string;
  readonly stream: 'stdout' | 'stderr';
  readonly tag: 'P' | 'F';
}

/**
 * The document Fluent Bit stores for one (joined) line: the CRI parser's `time`, `stream`, `_p`
 * and `log`; the kubernetes filter's merge of a JSON object line under the merge key (dropping
 * `log` unless keep_log) and `kubernetes.*`; the chart's lua lift; the output's `@timestamp` and
 * `replace_dots`.
 */
export function fluentBitDocument(
  head: RecordHead,
  log: string,
  kubernetes: Record<string, unknown> | undefined,
  pipeline: EmulatedPipeline,
): Record<string, unknown> {
  const timestamp = timestampFromCri(head.time);
  let record: Record<string, unknown> = {
    time: head.time,
    stream: head.stream,
    _p: head.tag,
    log,
  };
  const merged = pipeline.mergeLog ? parseJsonObject(log) : undefined;
  if (merged) {
    if (!pipeline.keepLog) delete record.log;
    if (pipeline.mergeKey) record[pipeline.mergeKey] = merged;
    else Object.assign(record, merged);
  }
  if (kubernetes) record.kubernetes = kubernetes;
  if (pipeline.lift) record = liftRecord(record, Date.parse(timestamp));
  record = { [TIMESTAMP_FIELD]: timestamp, ...record };
  return pipeline.replaceDots ? (replaceDots(record) as Record<string, unknown>) : record;
}
