import { DqlFieldError, DqlSyntaxError, InvalidInputError, LogliftQueryError } from '@loglift/query';
import { CommanderError } from 'commander';
import { connectionFix } from './connectionFix.js';
import { createProgram } from './program.js';
import { UsageError } from './usageError.js';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  // Commander calls this on every command, so usage errors throw instead of exiting the process.
  const exitOverride = (error: CommanderError) => {
    throw error;
  };
  program.exitOverride(exitOverride);
  for (const command of program.commands) command.exitOverride(exitOverride);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed the message (or the help / version).
    if (error.exitCode === 0) return EXIT_OK;
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (
    error instanceof UsageError ||
    error instanceof InvalidInputError ||
    error instanceof DqlSyntaxError ||
    error instanceof DqlFieldError
  ) {
    process.stderr.write(`loglift: ${message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof LogliftQueryError) {
    const fix = connectionFix(error);
    process.stderr.write(`loglift: ${message}\n${fix ? `  fix: ${fix}\n` : ''}`);
    return EXIT_ERROR;
  }
  process.stderr.write(`loglift: unexpected error: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
  return EXIT_ERROR;
}
