import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundles } from './bundles.js';
import type { OpenSearchConnection } from './openSearchHttp.js';

export interface CliInstructionsInput {
  readonly connection: OpenSearchConnection;
  readonly index: string;
  /** Where the password file goes (mode 600). */
  readonly stateDir: string;
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * Lines to paste into a shell to use the CLI against the demo node: LOGLIFT_* settings, the
 * password read from a private file (never printed), and `loglift` as the bundle this run built.
 */
export function cliInstructions({ connection, index, stateDir }: CliInstructionsInput): string[] {
  const passwordFile = join(stateDir, 'opensearch-password');
  writeFileSync(passwordFile, connection.password, { mode: 0o600 });
  const settings = [
    `LOGLIFT_URL=${shellQuote(connection.url)}`,
    `LOGLIFT_USERNAME=${shellQuote(connection.username)}`,
    `LOGLIFT_INDEX=${shellQuote(index)}`,
    ...(connection.caFile ? [`LOGLIFT_CA_FILE=${shellQuote(connection.caFile)}`] : []),
  ];
  return [
    `export ${settings.join(' ')}`,
    `export LOGLIFT_PASSWORD="$(cat ${shellQuote(passwordFile)})"`,
    `alias loglift=${shellQuote(`node ${bundles.cli}`)}`,
    `loglift query --level error --since 15m`,
  ];
}
