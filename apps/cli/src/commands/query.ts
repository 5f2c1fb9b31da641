import { search } from '@loglift/query';
import { Command } from 'commander';
import {
  addConnectionOptions,
  addFilterOptions,
  addOutputOptions,
  fetchFields,
  type OutputFlags,
  positiveInt,
  type QueryFlags,
  toFilters,
  toTime,
} from '../options.js';
import { hitWriter, openSession } from '../session.js';
import { warnDql } from '../warnDql.js';

interface Flags extends QueryFlags, OutputFlags {
  limit: number;
  forward?: boolean;
}

const EXAMPLES = `
Examples:
  loglift query 'level:error' -n shop --since 1h
  loglift query 'app.http.response.status_code >= 500 and not app.http.route:/health*' --limit 20
  loglift query '"connection refused"' --pod 'api-*' -o json
  loglift query --service checkout --level warn+ --from 2024-05-01T09:00 --to 2024-05-01T10:00 --timezone Europe/Berlin
  loglift query 'app.trace_id:4bf92f3577b34da6a3ce929d0e0e4736' --forward --fields app.message,app.span_id`;

export function queryCommand(): Command {
  const command = new Command('query')
    .description('search logs with DQL (the query language of OpenSearch Dashboards), newest first')
    .argument('[dql]', 'DQL query, e.g. app.level:error and kubernetes.namespace_name:shop');
  addFilterOptions(command);
  command
    .option('--limit <n>', 'documents to print (at most 10000)', positiveInt('--limit', 10_000), 100)
    .option('--forward', 'oldest first');
  addOutputOptions(command, 'pretty');
  addConnectionOptions(command);
  return command.addHelpText('after', EXAMPLES).action(async (dql: string | undefined, flags: Flags) => {
    const { client, timeZone } = openSession(flags);
    try {
      await warnDql(client, dql);
      const result = await search(client, {
        ...(dql ? { query: dql } : {}),
        filters: toFilters(flags),
        time: toTime(flags, timeZone),
        timeZone,
        limit: flags.limit,
        order: flags.forward ? 'oldest' : 'newest',
        ...fetchFields(flags),
      });
      const writer = hitWriter(flags, timeZone);
      for (const hit of result.hits) await writer.write(hit);
      await writer.end();
      if (process.stderr.isTTY) {
        const more = result.totalIsLowerBound ? 'more than ' : '';
        process.stderr.write(`${result.hits.length} of ${more}${result.total} matching documents\n`);
      }
    } finally {
      await client.close();
    }
  });
}
