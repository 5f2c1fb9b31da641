import { follow } from '@loglift/query';
import { Command, InvalidArgumentError } from 'commander';
import {
  addConnectionOptions,
  addFilterOptions,
  addOutputOptions,
  fetchFields,
  type OutputFlags,
  positiveInt,
  type QueryFlags,
  toFilters,
} from '../options.js';
import { hitWriter, interruptSignal, openSession } from '../session.js';
import { warnDql } from '../warnDql.js';

interface Flags extends QueryFlags, OutputFlags {
  tail: number;
  since?: string;
  pollInterval: number;
  delay: number;
}

const EXAMPLES = `
Examples:
  loglift tail -n shop                        # everything new in namespace shop
  loglift tail --service checkout --level warn+
  loglift tail 'app.http.response.status_code >= 500' --pod 'api-*' --tail 50
  loglift tail -n shop -o ndjson | jq .app.message

Lines are held back --delay ms so that late documents still come out in time order.
Stop with Ctrl-C (exit code 0).`;

export function tailCommand(): Command {
  const command = new Command('tail')
    .description('follow logs live, like tail -f: each document printed once, in time order')
    .argument('[dql]', 'DQL query');
  addFilterOptions(command, { time: false });
  command
    .option('--since <duration>', 'start this far back (e.g. 5m) instead of at the last --tail lines')
    .option('--tail <n>', 'print the last n matching lines first (0 for none)', nonNegative, 10)
    .option('--poll-interval <ms>', 'time between polls', positiveInt('--poll-interval', 600_000), 1000)
    .option('--delay <ms>', 'hold lines back this long for late arrivals', nonNegative, 3000);
  addOutputOptions(command, 'pretty');
  addConnectionOptions(command);
  return command.addHelpText('after', EXAMPLES).action(async (dql: string | undefined, flags: Flags) => {
    const { client, timeZone } = openSession(flags);
    const signal = interruptSignal();
    const writer = hitWriter(flags, timeZone);
    try {
      await warnDql(client, dql);
      for await (const hit of follow(client, {
        ...(dql ? { query: dql } : {}),
        filters: toFilters(flags),
        timeZone,
        ...(flags.since ? { since: flags.since } : { tail: flags.tail }),
        pollIntervalMs: flags.pollInterval,
        delayMs: flags.delay,
        ...fetchFields(flags),
        signal,
      })) {
        await writer.write(hit);
      }
      await writer.end();
    } finally {
      await client.close();
    }
  });
}

function nonNegative(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new InvalidArgumentError(`expected a whole number >= 0, got "${value}"`);
  return number;
}
