import { readFileSync } from 'node:fs';
import { connectionEnv } from './connectionEnv.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: connectionEnvCli <connection.json>\n');
  process.exit(2);
}
process.stdout.write(`${connectionEnv(readFileSync(file, 'utf8'))}\n`);
