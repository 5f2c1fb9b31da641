import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `check` until it returns a value other than undefined; throws `describe()` at the deadline. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  describe: () => Promise<string> | string,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s: ${await describe()}`);
    await sleep(intervalMs);
  }
}
