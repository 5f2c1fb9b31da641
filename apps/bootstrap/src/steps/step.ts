import { diffJson, type JsonChange } from '../json/diffJson.js';
import { jsonEqual, projectLive } from '../json/normalizeJson.js';

export type Action = 'create' | 'update' | 'unchanged' | 'skipped';

/** What one object needs, computed from a fresh read; `write` converges it. */
export interface StepPlan {
  readonly kind: string;
  readonly name: string;
  readonly action: Action;
  readonly changes: readonly JsonChange[];
  readonly note?: string;
  /** A document someone must apply by hand (OpenSearch Serverless policies): printed, never sent. */
  readonly document?: unknown;
  readonly write?: () => Promise<void>;
  /** Read after `write`: what the write found out, replacing the planned action and note. */
  readonly outcome?: () => WriteOutcome | undefined;
}

/** What a write found out that the plan could not know, e.g. a setting fixed by the server's config. */
export interface WriteOutcome {
  readonly action: Action;
  readonly note: string;
}

/** One managed object. `plan` only reads; it is called again right before each write. */
export interface Step {
  readonly kind: string;
  readonly name: string;
  plan(): Promise<StepPlan>;
}

/** Compares the live object (undefined when absent) with the desired one and builds the plan. */
export function comparePlan(
  kind: string,
  name: string,
  live: unknown,
  desired: unknown,
  write: (exists: boolean) => Promise<void>,
): StepPlan {
  if (live === undefined) {
    return { kind, name, action: 'create', changes: diffJson(undefined, desired), write: () => write(false) };
  }
  const projected = projectLive(live, desired);
  if (jsonEqual(projected, desired)) return { kind, name, action: 'unchanged', changes: [] };
  return { kind, name, action: 'update', changes: diffJson(projected, desired), write: () => write(true) };
}

export function skipped(kind: string, name: string, note: string): StepPlan {
  return { kind, name, action: 'skipped', changes: [], note };
}
