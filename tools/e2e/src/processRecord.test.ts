import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processStartTime, recordProcess } from './processRecord.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('processRecord', () => {
  it('records a live process as pid, start time and name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loglift-record-'));
    dirs.push(dir);
    const file = join(dir, 'processes');
    expect(recordProcess(file, 'task  service', process.pid)).toBe(true);
    const start = processStartTime(process.pid);
    expect(start).toMatch(/^\d+$/);
    expect(readFileSync(file, 'utf8')).toBe(`${process.pid} ${start} task service\n`);
  });

  it('gives no start time for a process that has exited, so it is never recorded or stopped', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid ?? 0;
    await once(child, 'exit');
    expect(processStartTime(pid)).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'loglift-record-'));
    dirs.push(dir);
    expect(recordProcess(join(dir, 'processes'), 'gone', pid)).toBe(false);
  });

  it('tells two processes apart by start time', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      const start = processStartTime(child.pid ?? 0);
      expect(start).toMatch(/^\d+$/);
      expect(Number(start)).toBeGreaterThanOrEqual(Number(processStartTime(process.pid)));
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
});
