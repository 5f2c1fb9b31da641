import { setTimeout as sleep } from 'node:timers/promises';
import { DashboardsError } from './dashboards/dashboardsClient.js';
import { OpenSearchError } from './opensearch/openSearchError.js';
import { describePlan, type PlannedObject } from './plan.js';
import type { Step } from './steps/step.js';

export interface AppliedObject extends PlannedObject {
  readonly attempts: number;
}

export interface ApplyResult {
  readonly objects: AppliedObject[];
  readonly failed?: { readonly kind: string; readonly name: string; readonly error: Error };
}

export interface ApplyOptions {
  readonly maxAttempts?: number;
  readonly onObject?: (object: AppliedObject) => void;
}

function isConflict(error: unknown): boolean {
  if (error instanceof OpenSearchError) return error.isConflict;
  return error instanceof DashboardsError && error.status === 409;
}

/**
 * Converges each object in order. Each step re-reads right before writing, and a write that
 * loses a race (409, already exists) is re-read and retried, so concurrent runs agree.
 */
export async function apply(steps: readonly Step[], options: ApplyOptions = {}): Promise<ApplyResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  const objects: AppliedObject[] = [];
  for (const step of steps) {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        const planned = await step.plan();
        if (planned.write) await planned.write();
        const outcome = planned.outcome?.();
        const applied = { ...describePlan(outcome ? { ...planned, ...outcome } : planned), attempts };
        objects.push(applied);
        options.onObject?.(applied);
        break;
      } catch (error) {
        if (isConflict(error) && attempts < maxAttempts) {
          await sleep(50 * attempts + Math.floor(Math.random() * 50));
          continue;
        }
        return { objects, failed: { kind: step.kind, name: step.name, error: error as Error } };
      }
    }
  }
  return { objects };
}
