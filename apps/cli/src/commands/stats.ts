import { stats } from '@loglift/query';
import { Command, Option } from 'commander';
import { useColor } from '../format/color.js';
import { formatStats } from '../format/statsText.js';
import { addConnectionOptions, addFilterOptions, positiveInt, type QueryFlags, toFilters, toTime } from '../options.js';
import { openSession } from '../session.js';

interface Flags extends QueryFlags {
  interval?: string;
  top: number;
  output: 'pretty' | 'json';
  color: 'auto' | 'always' | 'never';
}

const EXAMPLES = `
Examples:
  loglift stats --since 1h                     # counts by level, error rate, top error sources
  loglift stats -n shop --since 24h --interval 1h
  loglift stats 'app.service.name:checkout' --top 5 -o json`;

export function statsCommand(): Command {
  const command = new Command('stats')
    .description('histogram of counts by level, error rate and top services/namespaces/pods by errors')
    .argument('[dql]', 'DQL query');
  addFilterOptions(command);
  command
    .option('--interval <duration>', 'histogram bucket, e.g. 1m (default: at most 60 buckets)')
    .option('--top <n>', 'entries per top list', positiveInt('--top', 1000), 10)
    .addOption(new Option('-o, --output <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .addOption(new Option('--color <when>', 'colour output').choices(['auto', 'always', 'never']).default('auto'));
  addConnectionOptions(command);
  return command.addHelpText('after', EXAMPLES).action(async (dql: string | undefined, flags: Flags) => {
    const { client, timeZone } = openSession(flags);
    try {
      const result = await stats(client, {
        ...(dql ? { query: dql } : {}),
        filters: toFilters(flags),
        time: { since: '1h', ...toTime(flags, timeZone) },
        timeZone,
        top: flags.top,
        ...(flags.interval ? { interval: flags.interval } : {}),
      });
      const text =
        flags.output === 'json'
          ? JSON.stringify(result, null, 2)
          : formatStats(result, { color: useColor(flags.color, process.stdout), timeZone });
      process.stdout.write(`${text}\n`);
    } finally {
      await client.close();
    }
  });
}
