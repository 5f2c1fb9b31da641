import { z } from 'zod';

/** Durations ISM accepts for rollover age, e.g. 12h, 1d, 30m. */
export const ismAge = z.string().regex(/^\d+(d|h|m|s|ms)$/, 'must be a duration like 1d, 12h or 30m');
/**
 * Byte sizes ISM accepts, e.g. 10gb, 500mb. ISM stores a size as ByteSizeValue's string form, which
 * is lower-case (`10GB` reads back as `10gb`), so the desired state is lower-cased to converge.
 */
export const ismSize = z
  .string()
  .regex(/^\d+(b|kb|mb|gb|tb|pb)$/i, 'must be a size like 10gb or 500mb')
  .transform((size) => size.toLowerCase());
/**
 * Template priorities: higher wins. Equal priorities with overlapping patterns are refused by
 * OpenSearch (index templates) and ISM (ism_template), so the defaults avoid the round numbers
 * other templates tend to use (0, 1, 100, 200, 500, 1000).
 */
export const priority = z.number().int().min(0).max(2_147_483_647);
export const DEFAULT_TEMPLATE_PRIORITY = 237;
/** OpenSearch index/template/policy/role names: lowercase, no spaces or path separators. */
export const resourceName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"');
