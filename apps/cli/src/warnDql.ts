import { findDqlWarnings, type LogClient } from '@loglift/query';

/**
 * Says on stderr why the query may find nothing (unknown or unindexed field, a value ending in
 * and/or/not), before it runs. A failure to check is left to the query itself to report.
 */
export async function warnDql(client: LogClient, dql: string | undefined): Promise<void> {
  if (!dql?.trim()) return;
  let warnings: Awaited<ReturnType<typeof findDqlWarnings>>;
  try {
    warnings = await findDqlWarnings(client, dql);
  } catch {
    return;
  }
  for (const warning of warnings) process.stderr.write(`loglift: warning: ${warning.message}\n`);
}
