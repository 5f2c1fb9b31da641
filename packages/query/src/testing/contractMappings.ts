import { indexMappings } from '@loglift/log-schema';

/**
 * The index mapping the bootstrap's `loglift-logs` template gives the contract, taken from the
 * contract package itself so tests never depend on the bootstrap app and never drift from it.
 */
export function contractMappings(): Record<string, unknown> {
  return indexMappings();
}
