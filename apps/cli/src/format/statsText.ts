import { LEVELS } from '@loglift/log-schema';
import { NO_LEVEL, type StatsResult, type TopEntry } from '@loglift/query';
import { levelStyle, paint } from './color.js';
import { formatTimestamp } from './formatTimestamp.js';

const BAR_WIDTH = 30;
/** The six levels, then the documents whose line gave none, so the columns add up to the total. */
const COLUMNS = [...LEVELS, NO_LEVEL];

/** Summary, a per-level histogram table with bars, and the top error sources. */
export function formatStats(result: StatsResult, settings: { color: boolean; timeZone: string }): string {
  const { color, timeZone } = settings;
  const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;
  const lines = [
    `${formatTimestamp(result.from, timeZone)} .. ${formatTimestamp(result.to, timeZone)} (interval ${result.interval})`,
    `total ${result.total}, errors ${result.errors}, error rate ${percent(result.errorRate)}`,
    '',
  ];
  const max = Math.max(1, ...result.histogram.map((bucket) => bucket.total));
  const header = ['time'.padEnd(29), 'total'.padStart(7), ...COLUMNS.map((level) => level.padStart(6))].join(' ');
  lines.push(paint(header, 'bold', color));
  for (const bucket of result.histogram) {
    const cells = COLUMNS.map((level) => {
      const value = bucket.levels[level] ?? 0;
      const text = String(value).padStart(6);
      return value > 0 && level !== NO_LEVEL ? paint(text, levelStyle(level), color) : text;
    });
    const errors = (bucket.levels.error ?? 0) + (bucket.levels.fatal ?? 0);
    const bar = '#'.repeat(Math.round((bucket.total / max) * BAR_WIDTH));
    lines.push(
      [
        formatTimestamp(bucket.time, timeZone).padEnd(29),
        String(bucket.total).padStart(7),
        ...cells,
        errors > 0 ? paint(bar, 'red', color) : bar,
      ].join(' '),
    );
  }
  for (const [title, entries] of Object.entries(result.top) as [string, TopEntry[]][]) {
    lines.push('', paint(`top ${title} by errors`, 'bold', color));
    if (entries.length === 0) lines.push('  (no errors)');
    for (const entry of entries) {
      lines.push(`  ${String(entry.errors).padStart(7)}  ${percent(entry.errorRate).padStart(7)}  ${entry.key}`);
    }
  }
  return lines.join('\n');
}
