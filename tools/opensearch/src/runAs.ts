import { execFileSync } from 'node:child_process';
import { info } from './log.js';

export interface RunIdentity {
  name: string;
  uid: number;
  gid: number;
  /** true when we are root and switch to the unprivileged user to start the node */
  switchUser: boolean;
}

const DEFAULT_USER = 'loglift-os';

function idOf(name: string, flag: '-u' | '-g'): number | undefined {
  try {
    const out = execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return Number(out.trim());
  } catch {
    return undefined;
  }
}

/**
 * OpenSearch refuses to run as root. As root we run it as a system user
 * (LOGLIFT_OPENSEARCH_USER, default loglift-os), created with useradd when missing;
 * otherwise as the current user.
 */
export function ensureRunIdentity(): RunIdentity {
  const getuid = process.getuid;
  const getgid = process.getgid;
  if (getuid === undefined || getgid === undefined) {
    throw new Error('the OpenSearch test bed needs a POSIX system');
  }
  const uid = getuid();
  if (uid !== 0) {
    return { name: String(uid), uid, gid: getgid(), switchUser: false };
  }
  const name = process.env.LOGLIFT_OPENSEARCH_USER ?? DEFAULT_USER;
  if (idOf(name, '-u') === undefined) {
    info(`creating system user ${name} to run OpenSearch (it refuses to run as root)`);
    try {
      execFileSync(
        'useradd',
        [
          '--system',
          '--user-group',
          '--no-create-home',
          '--home-dir',
          '/nonexistent',
          '--shell',
          '/usr/sbin/nologin',
          name,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      // Exit code 9: created meanwhile by a concurrent start; checked below.
      if (idOf(name, '-u') === undefined) {
        throw new Error(`useradd ${name} failed: ${String(error)}`);
      }
    }
  }
  const userId = idOf(name, '-u');
  const groupId = idOf(name, '-g');
  if (userId === undefined || groupId === undefined || userId === 0) {
    throw new Error(`cannot resolve a non-root uid/gid for user ${name}`);
  }
  return { name, uid: userId, gid: groupId, switchUser: true };
}
