import { randomBytes } from 'node:crypto';
import { type OpenSearchConnection, openSearchRequest } from './openSearchHttp.js';

/** Unique OpenSearch object names for one test file, as chart value overrides. */
export function uniqueNames(prefix = 'e2e') {
  const id = `${prefix}-${randomBytes(3).toString('hex')}`;
  const names = {
    dataStream: `${id}-logs`,
    template: `${id}-logs`,
    policy: `${id}-retention`,
    writerRole: `${id}-writer`,
    readerRole: `${id}-reader`,
    writerUser: `${id}-writer`,
  };
  const set: Record<string, string> = {
    'opensearch.dataStream': names.dataStream,
    'opensearch.writer.username': names.writerUser,
    'bootstrap.logs.template': names.template,
    'bootstrap.logs.retention.policy': names.policy,
    'bootstrap.security.writerRole': names.writerRole,
    'bootstrap.security.readerRole': names.readerRole,
  };
  return { names, set };
}

/** Removes what the bootstrap created under those names, routing groups' streams and roles included. */
export async function removeNames(
  connection: OpenSearchConnection,
  names: ReturnType<typeof uniqueNames>['names'],
  groups: readonly string[] = [],
) {
  const security = '/_plugins/_security/api';
  for (const path of [
    ...groups.flatMap((group) => [
      `/_data_stream/${names.dataStream}-${group}`,
      `/_index_template/${names.template}-${group}`,
      `${security}/rolesmapping/${names.readerRole}-${group}`,
      `${security}/roles/${names.readerRole}-${group}`,
    ]),
    `/_data_stream/${names.dataStream}`,
    `/_index_template/${names.template}`,
    `${security}/rolesmapping/${names.writerRole}`,
    `${security}/rolesmapping/${names.readerRole}`,
    `${security}/roles/${names.writerRole}`,
    `${security}/roles/${names.readerRole}`,
    `${security}/internalusers/${names.writerUser}`,
  ]) {
    await openSearchRequest(connection, 'DELETE', path).catch(() => undefined);
  }
}
