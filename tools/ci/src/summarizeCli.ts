import { collectResults, formatSummary } from './summarize.js';

// Prints a per-suite table on stderr and the closing line alone on stdout; exit 1 on any failure.
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: summarizeCli <report folder>\n');
  process.exit(2);
}
const results = collectResults(dir);
for (const r of results) {
  process.stderr.write(`${r.failed > 0 ? 'FAIL' : 'ok  '}  ${r.suite}: ${r.passed} passed, ${r.failed} failed\n`);
}
const anyFailed = results.length === 0 || results.some((r) => r.failed > 0);
if (results.length === 0) process.stderr.write(`no reports found in ${dir}\n`);
process.stdout.write(`${formatSummary(results.length === 0 ? [{ suite: 'none', passed: 0, failed: 1 }] : results)}\n`);
process.exit(anyFailed ? 1 : 0);
