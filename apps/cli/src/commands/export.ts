import { exportLogs } from '@loglift/query';
import { Command, Option } from 'commander';
import { Progress } from '../format/progress.js';
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
import { hitWriter, interruptSignal, openSession } from '../session.js';
import { warnDql } from '../warnDql.js';

interface Flags extends QueryFlags, OutputFlags {
  order: 'oldest' | 'newest';
  pageSize: number;
}

const EXAMPLES = `
Examples:
  loglift export --from 2024-05-01 --to 2024-05-02 -n shop > shop-2024-05-01.ndjson
  loglift export 'app.level:(error or fatal)' --since 7d | gzip > errors.ndjson.gz
  loglift export --since 1h -o raw --service checkout

Every matching document is written exactly once, in time order, with constant memory.
Progress (count and rate) goes to stderr when it is a terminal; stdout carries only data.`;

export function exportCommand(): Command {
  const command = new Command('export')
    .description('stream every matching document (Point-in-Time + search_after), default NDJSON')
    .argument('[dql]', 'DQL query');
  addFilterOptions(command);
  command
    .addOption(new Option('--order <order>', 'time order').choices(['oldest', 'newest']).default('oldest'))
    .option('--page-size <n>', 'documents per request', positiveInt('--page-size', 10_000), 5000);
  addOutputOptions(command, 'ndjson');
  addConnectionOptions(command);
  return command.addHelpText('after', EXAMPLES).action(async (dql: string | undefined, flags: Flags) => {
    const { client, timeZone } = openSession(flags);
    const signal = interruptSignal();
    const writer = hitWriter(flags, timeZone);
    const progress = process.stderr.isTTY ? new Progress(process.stderr) : undefined;
    try {
      await warnDql(client, dql);
      for await (const hit of exportLogs(client, {
        ...(dql ? { query: dql } : {}),
        filters: toFilters(flags),
        time: toTime(flags, timeZone),
        timeZone,
        order: flags.order,
        pageSize: flags.pageSize,
        ...fetchFields(flags),
        signal,
      })) {
        await writer.write(hit);
        progress?.tick();
      }
      await writer.end();
    } catch (error) {
      if (!signal.aborted) throw error;
      // Ctrl-C: the Point-in-Time is already deleted; say how far the export got.
      process.stderr.write(`loglift: export interrupted after ${writer.count} documents\n`);
      process.exitCode = 130;
    } finally {
      progress?.done();
      await client.close();
    }
  });
}
