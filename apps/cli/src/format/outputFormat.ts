export const OUTPUT_FORMATS = ['pretty', 'json', 'ndjson', 'raw'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
