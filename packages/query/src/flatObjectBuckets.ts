import { fieldStorage } from '@loglift/log-schema';

/**
 * OpenSearch 2.x does not support aggregations on flat_object subfields: a terms aggregation on
 * `app.service.name` also returns the values of its sibling subfields (`app.service.version`, …),
 * rendered as `java.lang.Object@<hash>` keys. Those keys are never real values, so they are dropped
 * and more buckets are requested to keep `top` real ones.
 */
const PLACEHOLDER = /^java\.lang\.Object@[0-9a-f]+$/;

export function isFlatObjectField(field: string): boolean {
  return fieldStorage(field)?.flatObject !== undefined;
}

/** How many buckets to ask for so that `top` real ones remain after dropping placeholders. */
export function bucketsToRequest(field: string, top: number): number {
  return isFlatObjectField(field) ? top * 4 : top;
}

export function dropPlaceholderBuckets<T extends { key: unknown }>(field: string, buckets: T[], top: number): T[] {
  if (!isFlatObjectField(field)) return buckets;
  return buckets.filter((bucket) => !PLACEHOLDER.test(String(bucket.key))).slice(0, top);
}
