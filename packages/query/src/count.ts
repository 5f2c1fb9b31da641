import { prepareQuery, type QueryInput } from './buildQuery.js';
import type { LogClient } from './logClient.js';
import { resolveTimeRange, type TimeRangeInput } from './timeRange.js';

export interface CountOptions extends QueryInput {
  readonly time?: TimeRangeInput;
  readonly signal?: AbortSignal;
}

/** Number of matching documents. */
export async function count(client: LogClient, options: CountOptions = {}): Promise<number> {
  const range = resolveTimeRange({ ...options.time, timeZone: options.time?.timeZone ?? options.timeZone });
  const query = await prepareQuery(client, options, range);
  const response = await client.request<{ count: number }>(
    { method: 'POST', path: `/${encodeURIComponent(client.index)}/_count`, body: { query } },
    options.signal,
  );
  return response.count;
}
