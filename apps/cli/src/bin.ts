#!/usr/bin/env node
import { run } from './run.js';

// A reader closing the pipe (`loglift export | head`) is a normal end, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv);
