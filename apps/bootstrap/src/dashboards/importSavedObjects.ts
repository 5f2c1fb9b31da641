import { type DashboardsClient, DashboardsError } from './dashboardsClient.js';

/** One object of an `_import` answer that was not imported, with Dashboards' reason. */
export interface ImportError {
  id: string;
  type: string;
  error: { type: string; message?: string; references?: { type: string; id: string }[] };
}

/** Dashboards imports the objects it can and lists the others: `success` is false then. */
export interface ImportResult {
  readonly success: boolean;
  readonly successCount: number;
  readonly successResults: readonly { id: string; type: string }[];
  readonly errors: readonly ImportError[];
}

/** `_import?overwrite=true` of a multipart `.ndjson` file; per-object errors come back, not thrown. */
export async function importSavedObjects(
  client: DashboardsClient,
  tenant: string,
  fileName: string,
  ndjson: string,
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), fileName);
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  const response = await client.request<Partial<ImportResult>>('POST', '/api/saved_objects/_import?overwrite=true', {
    tenant,
    body,
    contentType,
  });
  if (typeof response.body?.success !== 'boolean') {
    throw new DashboardsError('POST', '/api/saved_objects/_import', response.status, response.body);
  }
  return {
    success: response.body.success,
    successCount: response.body.successCount ?? 0,
    successResults: response.body.successResults ?? [],
    errors: response.body.errors ?? [],
  };
}
