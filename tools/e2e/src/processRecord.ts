import { appendFileSync, readFileSync } from 'node:fs';

/**
 * Start time of a live process in clock ticks after boot (field 22 of /proc/PID/stat), or
 * undefined when it is gone or a zombie. With the pid it names one process, since pids are reused.
 */
export function processStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses; the fields after it do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

/**
 * Appends "<pid> <start time> <name>" to the demo's record of what it started, the format
 * demo.sh reads to stop leftovers of a killed run. A process that is already gone is skipped.
 */
export function recordProcess(file: string, name: string, pid: number): boolean {
  const start = processStartTime(pid);
  if (start === undefined) return false;
  appendFileSync(file, `${String(pid)} ${start} ${name.replace(/\s+/g, ' ')}\n`);
  return true;
}
