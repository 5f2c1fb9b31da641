import { readdirSync, readFileSync } from 'node:fs';
import { processStartTime } from './processRecord.js';

export interface ProcessId {
  readonly pid: number;
  readonly start: string;
}

/**
 * Every live process whose environment holds `name=value`: a run's children inherit a marker
 * variable, so this finds them wherever they were reparented, without matching by command name.
 */
export function markedProcesses(name: string, value: string): ProcessId[] {
  const needle = `${name}=${value}`;
  const found: ProcessId[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
    } catch {
      continue;
    }
    if (!environ.split('\0').includes(needle)) continue;
    const start = processStartTime(Number(entry));
    if (start !== undefined) found.push({ pid: Number(entry), start });
  }
  return found;
}

/** The ones of `processes` still alive (same pid and start time). */
export function stillAlive(processes: readonly ProcessId[]): ProcessId[] {
  return processes.filter(({ pid, start }) => processStartTime(pid) === start);
}
