import { appFields } from '../appFields.js';
import type { Conversion, FieldType, LiftSource } from '../fieldTypes.js';

export interface LiftRule {
  /** Root path of the typed field, the contract's name. */
  readonly target: string;
  /** Where loggers put it, in priority order, each with its conversion. */
  readonly sources: readonly LiftSource[];
}

const TYPE_CONVERSIONS: Record<Exclude<FieldType, 'flat_object'>, Conversion> = {
  keyword: 'keyword',
  text: 'text',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  date: 'time',
};

/**
 * The lift's rules, generated from the contract: for each field, its own path first, then each
 * alias. Both implementations (TypeScript here, Lua in the chart) run exactly this table.
 */
export const LIFT_RULES: readonly LiftRule[] = appFields.map((field) => {
  const convert = ('convert' in field ? field.convert : undefined) ?? TYPE_CONVERSIONS[field.type];
  const aliases = 'aliases' in field ? (field.aliases as readonly (string | LiftSource)[]) : [];
  return {
    target: ('target' in field ? field.target : undefined) ?? field.path,
    sources: [field.path, ...aliases].map((source) =>
      typeof source === 'string' ? { path: source, convert } : source,
    ),
  };
});
