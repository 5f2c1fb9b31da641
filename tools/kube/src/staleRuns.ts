import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Owner {
  pid: number;
  start: string | undefined;
}

/** Start time of a process (field 22 of /proc/PID/stat), which tells a reused pid apart. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Writes owner.json into a new run folder: which process the folder belongs to. */
export function claimRunDir(runDir: string): void {
  mkdirSync(runDir, { recursive: true });
  const owner: Owner = { pid: process.pid, start: processStart(process.pid) };
  writeFileSync(path.join(runDir, 'owner.json'), `${JSON.stringify(owner)}\n`);
}

/**
 * Removes run folders whose owner is gone (a run killed before its stop()). Their processes
 * died with the owner already (parent-death signal); only the files are left.
 */
export function removeStaleRuns(runsDir: string): void {
  mkdirSync(runsDir, { recursive: true });
  for (const entry of readdirSync(runsDir)) {
    const runDir = path.join(runsDir, entry);
    let owner: Owner | undefined;
    try {
      owner = JSON.parse(readFileSync(path.join(runDir, 'owner.json'), 'utf8')) as Owner;
    } catch {
      owner = undefined;
    }
    if (owner !== undefined && processStart(owner.pid) !== undefined && processStart(owner.pid) === owner.start)
      continue;
    rmSync(runDir, { recursive: true, force: true });
  }
}
