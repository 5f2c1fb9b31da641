import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { hostileRecords } from './hostileRecords.js';

/**
 * A second "app" that prints hostile output, raw (not through the logger), then writes how many
 * records it printed to `--count-file` as `{"records": n, "seqs": [...]}` for the test to compare.
 *   node --import tsx hostileApp.ts --count-file out.json [--rounds 1] [--interval-ms 50]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'count-file': { type: 'string' },
      rounds: { type: 'string', default: '1' },
      'interval-ms': { type: 'string', default: '50' },
    },
    strict: true,
  });
  const countFile = values['count-file'];
  if (!countFile) throw new Error('--count-file is required');
  const rounds = Number(values.rounds);
  const interval = Number(values['interval-ms']);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
  if (!(interval >= 0)) throw new Error(`--interval-ms must be 0 or more, got ${values['interval-ms']}`);
  const seqs: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const record of hostileRecords(round)) {
      const out = record.stream === 'stdout' ? process.stdout : process.stderr;
      // A stack trace is one write, as a runtime prints it; the container runtime still splits it per line.
      await new Promise<void>((resolve) => out.write(`${record.lines.join('\n')}\n`, () => resolve()));
      seqs.push(record.seq);
      if (interval > 0) await sleep(interval);
    }
  }
  writeFileSync(countFile, JSON.stringify({ records: seqs.length, seqs }));
}

main().catch((error: unknown) => {
  process.stderr.write(`hostile app: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
