#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogger, flushLogger } from '@loglift/logger';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, type RunOptions, run } from './run.js';

export const DEFAULT_CONFIG = '/etc/loglift/bootstrap.yaml';

/** Parses argv, runs the command and returns the exit code (0 ok, 1 failed, 2 invalid config/usage). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const logger = createLogger({
    service: { name: 'loglift-bootstrap' },
    env,
    // stdout carries the plan/summary; our JSON logs go to stderr.
    destination: { write: (line: string) => process.stderr.write(line) },
  });
  let chosen: RunOptions | undefined;
  const program = new Command()
    .name('loglift-bootstrap')
    .description(
      'Makes OpenSearch and Dashboards ready for loglift: retention, template, data stream, roles, index patterns.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });
  const output = new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text');
  for (const [name, description] of [
    ['plan', 'read only: print what apply would create, update or leave alone'],
    ['apply', 'converge OpenSearch and Dashboards to the desired state and print a summary'],
  ] as const) {
    program
      .command(name)
      .description(description)
      .option(
        '-c, --config <file>',
        'desired-state file (YAML or JSON)',
        env.LOGLIFT_BOOTSTRAP_CONFIG ?? DEFAULT_CONFIG,
      )
      .addOption(output)
      .action((opts: { config: string; output: 'text' | 'json' }) => {
        chosen = { command: name, configFile: opts.config, output: opts.output };
      });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpOrVersion =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version';
      return helpOrVersion ? EXIT.ok : EXIT.invalidConfig;
    }
    throw error;
  }
  if (!chosen) {
    program.outputHelp();
    return EXIT.invalidConfig;
  }
  const code = await run(chosen, {
    env,
    log: logger,
    stdout: (text) => process.stdout.write(text),
  });
  await flushLogger(logger);
  return code;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${JSON.stringify({ level: 'fatal', message: (error as Error).message })}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
