import { z } from 'zod';

/** Durations ISM accepts for rollover age, e.g. 12h, 1d, 30m. */
export const ismAge = z.string().regex(/^\d+(d|h|m|s|ms)$/, 'must be a duration like 1d, 12h or 30m');
/** Byte sizes ISM accepts, e.g. 10gb, 500mb. */
export const ismSize = z.string().regex(/^\d+(b|kb|mb|gb|tb|pb)$/i, 'must be a size like 10gb or 500mb');
/** OpenSearch index/template/policy/role names: lowercase, no spaces or path separators. */
export const resourceName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"');
