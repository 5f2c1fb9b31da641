/**
 * A plain name flag value as a glob that finds it anywhere in the name, as stern's pod query
 * does (`--pod task-service` matches `loglift-task-service-7d9f-abc`). Globs and `/regex/`
 * pass through unchanged.
 */
export function substringGlob(text: string): string {
  if (/[*?]/.test(text) || (text.length > 2 && text.startsWith('/') && text.endsWith('/'))) return text;
  return `*${text.replaceAll('\\', '\\\\')}*`;
}
