/**
 * Polls `check` until it returns true, for a process that becomes ready on its own schedule.
 * A thrown error ends the wait at once (the process died); a deadline names what never came.
 */
export async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
