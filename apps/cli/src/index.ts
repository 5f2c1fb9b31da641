export { createProgram } from './program.js';
export { EXIT_ERROR, EXIT_OK, EXIT_USAGE, run } from './run.js';
