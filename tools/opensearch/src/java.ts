import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** OpenSearch 2.19 needs the Java security manager, which JDK 24 removed. */
const MIN_MAJOR = 11;
const MAX_MAJOR = 23;

function majorOf(javaHome: string): number | undefined {
  try {
    const release = readFileSync(path.join(javaHome, 'release'), 'utf8');
    const match = /^JAVA_VERSION="(\d+)(?:\.(\d+))?/m.exec(release);
    if (match?.[1] === undefined) return undefined;
    const first = Number(match[1]);
    return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
  } catch {
    return undefined;
  }
}

function isJavaHome(dir: string): boolean {
  return existsSync(path.join(dir, 'bin', 'java'));
}

function fromPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'java');
    if (existsSync(candidate)) {
      return path.dirname(path.dirname(realpathSync(candidate)));
    }
  }
  return undefined;
}

function usable(home: string | undefined): home is string {
  if (home === undefined || home === '' || !isJavaHome(home)) return false;
  const major = majorOf(home);
  return major !== undefined && major >= MIN_MAJOR && major <= MAX_MAJOR;
}

/**
 * Picks a JDK for OpenSearch 2.19 (Java 11..23; 17 or 21 preferred).
 * Order: LOGLIFT_OPENSEARCH_JAVA_HOME, OPENSEARCH_JAVA_HOME (both must be usable if set),
 * then JAVA_HOME, the `java` on PATH and /usr/lib/jvm/* when they are usable.
 */
export function findJavaHome(): string {
  for (const name of ['LOGLIFT_OPENSEARCH_JAVA_HOME', 'OPENSEARCH_JAVA_HOME']) {
    const value = process.env[name];
    if (value !== undefined && value !== '') {
      if (!usable(value)) {
        throw new Error(`${name}=${value} is not a JDK ${MIN_MAJOR}..${MAX_MAJOR} (OpenSearch 2.19 cannot run on it)`);
      }
      return value;
    }
  }
  const candidates: (string | undefined)[] = [process.env.JAVA_HOME, fromPath()];
  const jvmDir = '/usr/lib/jvm';
  if (existsSync(jvmDir)) {
    const entries = readdirSync(jvmDir)
      .map((entry) => path.join(jvmDir, entry))
      .sort((a, b) => (majorOf(b) ?? 0) - (majorOf(a) ?? 0));
    candidates.push(...entries);
  }
  for (const candidate of candidates) {
    if (usable(candidate)) return candidate;
  }
  throw new Error(
    `no JDK ${MIN_MAJOR}..${MAX_MAJOR} found (tried JAVA_HOME, java on PATH, /usr/lib/jvm); set LOGLIFT_OPENSEARCH_JAVA_HOME`,
  );
}
