import { documentFields } from '@loglift/log-schema';
import { Command, Option } from 'commander';
import type { ConnectionFlags } from '../config/resolveConnection.js';
import { addConnectionOptions } from '../options.js';
import { openSession } from '../session.js';

interface Flags extends ConnectionFlags {
  output: 'pretty' | 'json';
}

const EXAMPLES = `
Examples:
  loglift fields                 # every field DQL can use, with its type
  loglift fields | grep http
  loglift fields -o json`;

export function fieldsCommand(): Command {
  const command = new Command('fields')
    .description('list the fields of the logs (contract + live mapping) and their types')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['pretty', 'json']).default('pretty'));
  addConnectionOptions(command);
  return command.addHelpText('after', EXAMPLES).action(async (flags: Flags) => {
    const { client } = openSession(flags);
    try {
      const catalog = await client.fields();
      const descriptions = new Map(documentFields.map((field) => [field.path, field.description]));
      const rows = catalog.list().map((field) => ({
        name: field.name,
        type: field.type,
        inMapping: field.mapped,
        description: descriptions.get(field.name) ?? '',
      }));
      if (flags.output === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(...rows.map((row) => row.name.length));
      for (const row of rows) {
        const note = row.inMapping ? '' : ' (contract only: not in the mapping yet)';
        process.stdout.write(`${row.name.padEnd(width)}  ${row.type.padEnd(11)}  ${row.description}${note}\n`);
      }
    } finally {
      await client.close();
    }
  });
}
