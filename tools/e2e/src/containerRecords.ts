import { CriFileReader } from './criFileReader.js';

/** The JSON object lines a container wrote to its CRI log file (partials joined), in order. */
export function containerJsonRecords(logFile: string): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  for (const entry of new CriFileReader(logFile).read()) {
    try {
      const value: unknown = JSON.parse(entry.content.toString('utf8'));
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        records.push(value as Record<string, unknown>);
    } catch {
      // Not a JSON line.
    }
  }
  return records;
}

export interface TrafficSummary {
  readonly sent: number;
  readonly expected: number;
  readonly unexpected: number;
  readonly dropped: number;
}

/** The traffic generator's closing summary (`traffic finished` line), or undefined before it ended. */
export function trafficSummary(logFile: string): TrafficSummary | undefined {
  const line = containerJsonRecords(logFile).find(
    (record) => typeof record.message === 'string' && record.message.startsWith('traffic finished'),
  );
  return line?.traffic as TrafficSummary | undefined;
}
