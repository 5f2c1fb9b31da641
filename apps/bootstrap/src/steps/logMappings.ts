import { documentPath, fieldStorage, MERGE_KEY } from '@loglift/log-schema';

/** Where an app field is stored: inside a flat_object parent, per the contract's storage rules. */
export function appStorage(appPath: string): { parent: string; type: 'flat_object' } | undefined {
  const storage = fieldStorage(documentPath(appPath));
  if (storage?.flatObject === undefined) return undefined;
  return { parent: storage.flatObject.slice(MERGE_KEY.length + 1), type: 'flat_object' };
}
