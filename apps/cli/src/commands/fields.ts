import { describeFields } from '@loglift/query';
import { Command, Option } from 'commander';
import type { ConnectionFlags } from '../config/resolveConnection.js';
import { addConnectionOptions } from '../options.js';
import { openSession } from '../session.js';
import { UsageError } from '../usageError.js';

interface Flags extends ConnectionFlags {
  output: 'pretty' | 'json';
  sample: string;
}

const EXAMPLES = `
Examples:
  loglift fields                 # typed fields (real type, aggregatable) and the app keys of recent logs
  loglift fields | grep http
  loglift fields --sample 1000   # read more recent documents to find app keys
  loglift fields -o json`;

export function fieldsCommand(): Command {
  const command = new Command('fields')
    .description('list the typed fields the index has, and the keys apps logged in recent documents')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .addOption(new Option('--sample <n>', 'recent documents read for app keys').default('200'));
  addConnectionOptions(command);
  return command.addHelpText('after', EXAMPLES).action(async (flags: Flags) => {
    const { client } = openSession(flags);
    try {
      const sample = Number(flags.sample);
      if (!Number.isInteger(sample) || sample < 0 || sample > 10_000) {
        throw new UsageError(`--sample must be a whole number from 0 to 10000, got "${flags.sample}"`);
      }
      const described = await describeFields(client, { sample });
      if (flags.output === 'json') {
        process.stdout.write(`${JSON.stringify(described, null, 2)}\n`);
        return;
      }
      const width = Math.max(
        20,
        ...described.fields.map((f) => f.name.length),
        ...described.appKeys.map((k) => k.name.length),
      );
      for (const field of described.fields) {
        const caps = field.aggregatable ? 'aggregatable' : field.searchable ? 'searchable' : '';
        process.stdout.write(
          `${field.name.padEnd(width)}  ${field.type.padEnd(11)}  ${caps.padEnd(12)}  ${field.description}\n`,
        );
      }
      process.stdout.write(
        `\napp keys in the ${described.sampled} most recent documents (search them as strings: app.<key>:value)\n`,
      );
      if (described.appKeys.length === 0) process.stdout.write('  (none)\n');
      for (const key of described.appKeys) {
        process.stdout.write(
          `${key.name.padEnd(width)}  ${key.valueTypes.join('|').padEnd(11)}  in ${key.documents}\n`,
        );
      }
    } finally {
      await client.close();
    }
  });
}
