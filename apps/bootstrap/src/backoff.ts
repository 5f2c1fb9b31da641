import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffOptions {
  readonly deadline: number;
  readonly initialMs?: number;
  readonly maxMs?: number;
  readonly now?: () => number;
}

/**
 * Calls `attempt` until it returns a value other than undefined, waiting 250ms, 500ms, ... (capped)
 * between tries; returns undefined once the deadline passes. Errors thrown by `attempt` stop it.
 */
export async function withBackoff<T>(
  attempt: (remainingMs: number) => Promise<T | undefined>,
  options: BackoffOptions,
): Promise<T | undefined> {
  const now = options.now ?? Date.now;
  let delay = options.initialMs ?? 250;
  for (;;) {
    const result = await attempt(Math.max(1, options.deadline - now()));
    if (result !== undefined) return result;
    const remaining = options.deadline - now();
    if (remaining <= 0) return undefined;
    await sleep(Math.min(delay, remaining));
    delay = Math.min(delay * 2, options.maxMs ?? 5_000);
  }
}
