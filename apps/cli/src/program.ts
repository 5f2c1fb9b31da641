import { Command } from 'commander';
import { exportCommand } from './commands/export.js';
import { fieldsCommand } from './commands/fields.js';
import { queryCommand } from './commands/query.js';
import { statsCommand } from './commands/stats.js';
import { tailCommand } from './commands/tail.js';
import { verifyCommand } from './commands/verify.js';
import { VERSION } from './version.js';

const EXAMPLES = `
Connection: flags, LOGLIFT_* environment variables (LOGLIFT_URL, LOGLIFT_USERNAME, LOGLIFT_PASSWORD,
LOGLIFT_CA_FILE, LOGLIFT_AUTH, LOGLIFT_AWS_REGION, LOGLIFT_AWS_SERVICE, LOGLIFT_INDEX), or a named
context in LOGLIFT_CONFIG (default ~/.config/loglift/config.yaml).

Names (--namespace, --pod, --exclude-pod, --container), as stern users type them: plain text
matches anywhere in the name (--pod task-service), a glob matches the whole name (--pod 'api-*'),
/regex/ is found anywhere in it, ^ and $ anchor it (--pod '/^api-[0-9a-f]+$/').

Examples:
  loglift query 'level:error' -n shop --since 1h
  loglift tail --service checkout
  loglift export --from 2024-05-01 --to 2024-05-02 > day.ndjson
  loglift stats --since 24h
  loglift fields

Warnings on stderr say why a query may find nothing: a field the index does not have or does not
index, a value ending in and/or/not (DQL reads 'level:error and' as the value "error and").
They do not change the exit code.

Exit codes: 0 ok (also when nothing matched), 1 error (cluster, auth, TLS, timeout, failed check),
2 usage (bad flag, DQL or time), 130 interrupted.`;

export function createProgram(): Command {
  const program = new Command('loglift')
    .description('search, follow, export and summarise Kubernetes logs stored in OpenSearch')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES);
  for (const command of [
    queryCommand(),
    tailCommand(),
    exportCommand(),
    statsCommand(),
    fieldsCommand(),
    verifyCommand(),
  ]) {
    program.addCommand(command.showHelpAfterError('(run with --help for usage)'));
  }
  return program;
}
