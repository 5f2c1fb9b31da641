/** Error check that also recognises errors from other realms (vm contexts, workers' structured clones). */
export function isError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  return Object.prototype.toString.call(value) === '[object Error]';
}
