import { randomBytes } from 'node:crypto';
import { INDEX_MAPPING_SETTINGS } from '@loglift/log-schema';
import type { LogClient } from '../logClient.js';
import { contractMappings } from './contractMappings.js';

export interface TestDataStream {
  readonly name: string;
  /** Deletes the data stream and its template. */
  remove(): Promise<void>;
}

/** A unique data stream (and template) typed like the loglift contract, for one test file. */
export async function createTestDataStream(
  client: LogClient,
  prefix: string,
  settings: Record<string, unknown> = {},
): Promise<TestDataStream> {
  const name = `logs-test-${prefix}-${randomBytes(4).toString('hex')}`;
  await client.request({
    method: 'PUT',
    path: `/_index_template/${name}`,
    body: {
      index_patterns: [`${name}*`],
      data_stream: {},
      priority: 500,
      template: {
        settings: { number_of_shards: 1, number_of_replicas: 0, index: INDEX_MAPPING_SETTINGS, ...settings },
        mappings: contractMappings(),
      },
    },
  });
  await client.request({ method: 'PUT', path: `/_data_stream/${name}` });
  return {
    name,
    async remove() {
      await client.request({ method: 'DELETE', path: `/_data_stream/${name}` }).catch(() => undefined);
      await client.request({ method: 'DELETE', path: `/_index_template/${name}` }).catch(() => undefined);
    },
  };
}

/** Writes documents with `create` (as Fluent Bit does) in large bulk requests; refresh once at the end. */
export async function bulkCreate(
  client: LogClient,
  index: string,
  documents: Iterable<Record<string, unknown>>,
  { refresh = true, chunk = 10_000 }: { refresh?: boolean; chunk?: number } = {},
): Promise<number> {
  let lines: string[] = [];
  let written = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    const response = await client.opensearch.transport.request({
      method: 'POST',
      path: `/${index}/_bulk`,
      bulkBody: `${lines.join('\n')}\n`,
    } as never);
    const body = response.body as { errors: boolean; items: { create?: { error?: unknown } }[] };
    if (body.errors) {
      const first = body.items.find((item) => item.create?.error)?.create?.error;
      throw new Error(`bulk insert failed: ${JSON.stringify(first)}`);
    }
    written += lines.length / 2;
    lines = [];
  };
  for (const document of documents) {
    lines.push('{"create":{}}', JSON.stringify(document));
    if (lines.length >= chunk * 2) await flush();
  }
  await flush();
  if (refresh) await client.request({ method: 'POST', path: `/${index}/_refresh` });
  return written;
}
