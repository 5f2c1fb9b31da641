import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureArtifacts } from './artifacts.js';
import { type Distribution, ensureDistribution } from './distribution.js';
import { execChecked, execCollect } from './exec.js';
import { simpleRequest } from './http.js';
import { findJavaHome } from './java.js';
import { info } from './log.js';
import { heapOptions, jvmOptions, opensearchYml, type SettingValue } from './nodeConfig.js';
import { cacheDir } from './paths.js';
import { ensureRunIdentity, type RunIdentity } from './runAs.js';

export type { SettingValue } from './nodeConfig.js';

export interface StartOptions {
  /** HTTP port on 127.0.0.1; default: a free port. */
  port?: number;
  /**
   * JVM heap, e.g. "768m" or "1g", used for both -Xms and -Xmx.
   * Default: LOGLIFT_OPENSEARCH_HEAP, else -Xms512m -Xmx1g.
   */
  heap?: string;
  /** How long to wait for HTTPS + auth + health yellow/green. Default 180000 ms. */
  readyTimeoutMs?: number;
  /** Extra opensearch.yml settings; they override the test bed's defaults. */
  settings?: Record<string, SettingValue>;
}

export interface OpenSearchNode {
  /** https://127.0.0.1:PORT */
  url: string;
  username: 'admin';
  password: string;
  /** PEM file of the CA that signed the node's certificate (outlives stop()). */
  caFile: string;
  /** e.g. "2.19.4" as reported by the node */
  version: string;
  /** Folder with this start's config, data and logs; removed by stop(). */
  runDir: string;
  /** Process id of the node's JVM (also its process group id). */
  pid: number;
  /** Installed plugins, e.g. ["opensearch-job-scheduler", "opensearch-security"]. */
  plugins: string[];
  /** Last lines the node printed (console log). */
  logTail(lines?: number): string;
  /** SIGTERM, then SIGKILL after a grace period; removes runDir. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 30_000;
const RING_LINES = 400;

class PortInUseError extends Error {}

/** A readiness problem that waiting will not fix. */
class NotRetryable extends Error {}

/** Record of one start, kept as runs/<id>/owner.json; lets a later start remove stale nodes. */
interface RunRecord {
  ownerPid: number;
  ownerStart: string | undefined;
  nodePid?: number;
  nodeStart?: string | undefined;
  createdAt: number;
  failed?: boolean;
  keep?: boolean;
}

/** Start time of a process in clock ticks (field 22 of /proc/PID/stat); guards against pid reuse. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number, start: string | undefined): boolean {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // A zombie has died already; it only waits to be reaped.
    if (fields[0] === 'Z' || fields[0] === 'X') return false;
    return start === undefined || fields[19] === start;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function readRecord(runDir: string): RunRecord | undefined {
  try {
    return JSON.parse(readFileSync(path.join(runDir, 'owner.json'), 'utf8')) as RunRecord;
  } catch {
    return undefined;
  }
}

function writeRecord(runDir: string, record: RunRecord): void {
  writeFileSync(path.join(runDir, 'owner.json'), `${JSON.stringify(record)}\n`);
}

/** Kills nodes whose owning process is gone and removes their run folders. */
function cleanStaleRuns(runsDir: string): void {
  const now = Date.now();
  for (const entry of readdirSync(runsDir)) {
    const runDir = path.join(runsDir, entry);
    const record = readRecord(runDir);
    if (record === undefined) {
      // Being created right now, or a crash before owner.json was written.
      if (now - statSync(runDir).mtimeMs > 10 * 60_000) rmSync(runDir, { recursive: true, force: true });
      continue;
    }
    if (isAlive(record.ownerPid, record.ownerStart)) continue;
    if (record.nodePid !== undefined && isAlive(record.nodePid, record.nodeStart)) {
      info(`killing stale OpenSearch node (pid ${String(record.nodePid)}) left by pid ${String(record.ownerPid)}`);
      killGroup(record.nodePid, 'SIGKILL');
    }
    if (record.keep === true) continue;
    // Failed starts stay an hour for a look at their logs.
    if (record.failed === true && now - record.createdAt < 60 * 60_000) continue;
    rmSync(runDir, { recursive: true, force: true });
  }
}

function freePort(exclude: readonly number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port === 0 || exclude.includes(port)) freePort(exclude).then(resolve, reject);
        else resolve(port);
      });
    });
  });
}

function setprivArgs(identity: RunIdentity): string[] {
  const ids = identity.switchUser
    ? ['--reuid', String(identity.uid), '--regid', String(identity.gid), '--clear-groups']
    : [];
  // setpriv changes the credentials first and sets the parent-death signal last,
  // so the kernel does not clear it again on the uid switch.
  return [...ids, '--pdeathsig', 'KILL', '--'];
}

/**
 * The command bin/opensearch would exec, built without it: the launcher script
 * spends about 3 s in a keystore-password check (a separate JVM) that a test
 * node never needs. JVM options still come from the distribution's own
 * JvmOptionsParser (jvm.options, jvm.options.d, OPENSEARCH_JAVA_OPTS, ergonomics).
 */
async function javaCommand(
  dist: Distribution,
  javaHome: string,
  configDir: string,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const java = path.join(javaHome, 'bin', 'java');
  const classpath = path.join(dist.home, 'lib', '*');
  const parsed = await execChecked(
    java,
    ['-Xshare:auto', '-cp', classpath, 'org.opensearch.tools.launchers.JvmOptionsParser', configDir],
    { env },
  );
  const jvmOptions = parsed.stdout
    .trim()
    .split(/\s+/)
    .filter((option) => option !== '');
  return [
    java,
    '-Xshare:auto',
    ...jvmOptions,
    `-Dopensearch.path.home=${dist.home}`,
    `-Dopensearch.path.conf=${configDir}`,
    '-Dopensearch.distribution.type=zip',
    '-Dopensearch.bundled_jdk=false',
    '-cp',
    classpath,
    'org.opensearch.bootstrap.OpenSearch',
  ];
}

interface Launch {
  dist: Distribution;
  identity: RunIdentity;
  javaHome: string;
  runsDir: string;
  options: StartOptions;
  /** data folder to start from instead of an empty one */
  template: string | undefined;
}

interface Launched {
  node: OpenSearchNode;
  /** Stops the JVM (SIGTERM, then SIGKILL) without touching the run folder. */
  terminate(): Promise<void>;
}

async function launch({ dist, identity, javaHome, runsDir, options, template }: Launch): Promise<Launched> {
  const started = Date.now();
  const heap = heapOptions(options.heap ?? process.env.LOGLIFT_OPENSEARCH_HEAP);
  const httpPort = options.port ?? (await freePort([]));
  const transportPort = await freePort([httpPort]);
  const runDir = path.join(runsDir, `${String(Date.now())}-${String(process.pid)}-${randomBytes(3).toString('hex')}`);
  const configDir = path.join(runDir, 'config');
  mkdirSync(runDir, { recursive: true });
  const record: RunRecord = { ownerPid: process.pid, ownerStart: processStart(process.pid), createdAt: Date.now() };
  writeRecord(runDir, record);

  cpSync(path.join(dist.home, 'config'), configDir, { recursive: true });
  rmSync(path.join(configDir, 'securityadmin_demo.sh'), { force: true });
  for (const sub of ['logs', 'tmp']) mkdirSync(path.join(runDir, sub));
  if (template !== undefined) cpSync(template, path.join(runDir, 'data'), { recursive: true });
  else mkdirSync(path.join(runDir, 'data'));
  writeFileSync(
    path.join(configDir, 'opensearch.yml'),
    opensearchYml(runDir, httpPort, transportPort, options.settings ?? {}),
  );
  const distributionOptions = readFileSync(path.join(dist.home, 'config', 'jvm.options'), 'utf8');
  const fullJit = process.env.LOGLIFT_OPENSEARCH_FULL_JIT === '1';
  writeFileSync(path.join(configDir, 'jvm.options'), jvmOptions(distributionOptions, runDir, heap, fullJit));

  // The security plugin wants its config private (folders 0700, files 0600).
  await execChecked('chmod', ['-R', 'u=rwX,go=', configDir]);
  if (identity.switchUser) {
    await execChecked('chown', ['-R', `${String(identity.uid)}:${String(identity.gid)}`, runDir]);
    const probe = await execCollect('setpriv', [...setprivArgs(identity), 'test', '-w', path.join(runDir, 'data')]);
    if (probe.code !== 0) {
      throw new Error(
        `user ${identity.name} cannot write ${runDir}; every parent folder must be traversable by it (chmod o+x)`,
      );
    }
  }

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: identity.switchUser ? runDir : (process.env.HOME ?? runDir),
    OPENSEARCH_JAVA_HOME: javaHome,
    OPENSEARCH_PATH_CONF: configDir,
    OPENSEARCH_TMPDIR: path.join(runDir, 'tmp'),
  };
  const javaOpts = process.env.LOGLIFT_OPENSEARCH_JAVA_OPTS;
  if (javaOpts !== undefined && javaOpts !== '') env.OPENSEARCH_JAVA_OPTS = javaOpts;

  const command = await javaCommand(dist, javaHome, configDir, env);
  const child: ChildProcess = spawn('setpriv', [...setprivArgs(identity), ...command], {
    cwd: runDir,
    env,
    detached: true, // own process group: stop() signals the whole group
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error(`could not spawn setpriv (util-linux) to start OpenSearch: ${spawnError?.message ?? 'no pid'}`);
  }
  record.nodePid = pid;
  record.nodeStart = processStart(pid);
  writeRecord(runDir, record);

  // Keep the node log: a ring buffer for error messages, the full console log on disk.
  const ring: string[] = [];
  const consoleLog: WriteStream = createWriteStream(path.join(runDir, 'console.log'));
  consoleLog.on('error', () => undefined);
  const echo = process.env.LOGLIFT_OPENSEARCH_VERBOSE === '1';
  let partial = '';
  const onData = (chunk: Buffer): void => {
    consoleLog.write(chunk);
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      ring.push(line);
      if (ring.length > RING_LINES) ring.shift();
      if (echo) process.stderr.write(`[opensearch] ${line}\n`);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const logTail = (lines = 60): string => ring.slice(-lines).join('\n');

  let exitInfo: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = signal ?? `exit code ${String(code)}`;
      resolve();
    });
  });

  // Host exits without stop(): take the node down with it (SIGKILL of the host is covered by pdeathsig).
  const onHostExit = (): void => {
    if (exitInfo === undefined) killGroup(pid, 'SIGKILL');
  };
  process.on('exit', onHostExit);
  // A forgotten stop() must not keep the test runner alive.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }

  const waitExit = async (ms: number): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const result = await Promise.race([exited.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  };

  let terminating: Promise<void> | undefined;
  const terminate = (): Promise<void> => {
    terminating ??= (async () => {
      if (exitInfo === undefined) {
        killGroup(pid, 'SIGTERM');
        if (!(await waitExit(STOP_GRACE_MS))) {
          killGroup(pid, 'SIGKILL');
          await waitExit(10_000);
        }
      }
      // Anything the node may have left in its group (the group id stays taken while it has members).
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // the group is empty
      }
      process.off('exit', onHostExit);
      await new Promise<void>((resolve) => consoleLog.end(resolve));
    })();
    return terminating;
  };

  const url = `https://127.0.0.1:${String(httpPort)}`;
  const caFile = path.join(dist.home, 'config', 'root-ca.pem');
  const ca = readFileSync(caFile);
  const auth = { username: 'admin', password: dist.adminPassword };
  const timeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  let version: string | undefined;
  try {
    for (;;) {
      if (exitInfo !== undefined) {
        const tail = logTail(80);
        if (/BindException|Address already in use/.test(tail)) throw new PortInUseError(tail);
        const cause =
          ring.find((line) => /(Exception|Error): /.test(line)) ?? ring.find((line) => /\]\[ERROR|^ERROR: /.test(line));
        const summary = cause === undefined ? '' : `: ${cause.trim()}`;
        throw new Error(`OpenSearch exited (${exitInfo}) before it was ready${summary}\nLast log lines:\n${tail}`);
      }
      if (Date.now() > deadline) {
        throw new Error(
          `OpenSearch was not ready within ${String(timeoutMs)} ms (last check: ${lastProblem}). Last log lines:\n${logTail(80)}`,
        );
      }
      try {
        const health = await simpleRequest(`${url}/_cluster/health?wait_for_status=yellow&timeout=2s`, {
          auth,
          ca,
          timeoutMs: 5000,
        });
        const status = health.status === 200 ? (JSON.parse(health.body) as { status?: string }).status : undefined;
        if (status === 'green' || status === 'yellow') {
          const root = await simpleRequest(`${url}/`, { auth, ca });
          version = (JSON.parse(root.body) as { version?: { number?: string } }).version?.number;
          if (version !== dist.version) {
            throw new NotRetryable(`node reports version ${String(version)}, expected ${dist.version}`);
          }
          // One node: new indices get no replica, so they are green instead of yellow.
          // (As a node setting in opensearch.yml this is not applied to new indices.)
          const replicas = await simpleRequest(`${url}/_cluster/settings`, {
            method: 'PUT',
            auth,
            ca,
            body: JSON.stringify({ persistent: { 'cluster.default_number_of_replicas': 0 } }),
          });
          if (replicas.status !== 200) {
            throw new NotRetryable(
              `node refused cluster.default_number_of_replicas: HTTP ${String(replicas.status)} ${replicas.body}`,
            );
          }
          break;
        }
        lastProblem = `HTTP ${String(health.status)} ${health.body.slice(0, 200)}`;
      } catch (error) {
        if (error instanceof NotRetryable) throw error;
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await terminate();
    if (error instanceof PortInUseError) {
      rmSync(runDir, { recursive: true, force: true });
    } else {
      writeRecord(runDir, { ...record, failed: true });
      if (error instanceof Error) error.message += `\n(node files kept in ${runDir})`;
    }
    throw error;
  }

  info(`OpenSearch ${version} ready at ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${String(pid)})`);

  const keep = process.env.LOGLIFT_OPENSEARCH_KEEP === '1';
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await terminate();
      if (keep) writeRecord(runDir, { ...record, keep: true });
      else rmSync(runDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const node: OpenSearchNode = {
    url,
    username: 'admin',
    password: dist.adminPassword,
    caFile,
    version,
    runDir,
    pid,
    plugins: dist.plugins,
    logTail,
    stop,
  };
  return { node, terminate };
}

async function launchWithRetry(launchOptions: Launch): Promise<Launched> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(launchOptions);
    } catch (error) {
      if (error instanceof PortInUseError && launchOptions.options.port === undefined && attempt < 3) {
        info('port taken meanwhile; retrying with other ports');
        continue;
      }
      throw error;
    }
  }
}

/**
 * A data folder in which the security plugin already created and filled its
 * index; starting from a copy skips about 3 s of initialisation per start.
 * Built once per installed distribution by starting and cleanly stopping a node.
 * LOGLIFT_OPENSEARCH_TEMPLATE=0 turns it off (every start initialises security).
 */
async function ensureDataTemplate(base: Omit<Launch, 'template' | 'options'>): Promise<string | undefined> {
  if (process.env.LOGLIFT_OPENSEARCH_TEMPLATE === '0') return undefined;
  const templateDir = path.join(base.dist.home, '.loglift-data-template');
  const data = path.join(templateDir, 'data');
  if (existsSync(path.join(templateDir, 'complete'))) return data;
  const started = Date.now();
  info('initialising the security index once, for a data template that later starts copy');
  const { node, terminate } = await launchWithRetry({ ...base, options: {}, template: undefined });
  await terminate();
  const staging = `${templateDir}.staging-${String(process.pid)}-${randomBytes(3).toString('hex')}`;
  mkdirSync(staging, { recursive: true });
  renameSync(path.join(node.runDir, 'data'), path.join(staging, 'data'));
  rmSync(node.runDir, { recursive: true, force: true });
  writeFileSync(path.join(staging, 'complete'), `${new Date().toISOString()}\n`);
  await execChecked('chmod', ['-R', 'a+rX', staging]);
  if (existsSync(path.join(templateDir, 'complete'))) {
    // A concurrent start made one meanwhile; others may be copying it right now.
    rmSync(staging, { recursive: true, force: true });
  } else {
    rmSync(templateDir, { recursive: true, force: true });
    try {
      renameSync(staging, templateDir);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  info(`data template ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return data;
}

export interface Prepared {
  version: string;
  /** OPENSEARCH_HOME of the installed distribution */
  home: string;
  /** Installed plugins */
  plugins: string[];
}

interface Context extends Omit<Launch, 'options' | 'template'> {
  template: string | undefined;
}

async function prepareContext(): Promise<Context> {
  const artifacts = await ensureArtifacts();
  const javaHome = findJavaHome();
  const dist = await ensureDistribution(artifacts, javaHome);
  const identity = ensureRunIdentity();
  const runsDir = path.join(cacheDir(), 'runs');
  mkdirSync(runsDir, { recursive: true });
  cleanStaleRuns(runsDir);
  const base = { dist, identity, javaHome, runsDir };
  const template = await ensureDataTemplate(base);
  return { ...base, template };
}

/**
 * Everything a start needs, without starting: fetches the artifacts, installs
 * the distribution and builds the data template. Each step runs only once.
 */
export async function prepareOpenSearch(): Promise<Prepared> {
  const { dist } = await prepareContext();
  return { version: dist.version, home: dist.home, plugins: dist.plugins };
}

/**
 * Starts a secured single-node OpenSearch on 127.0.0.1 as an unprivileged user
 * and resolves once HTTPS, basic auth and cluster health (yellow or green) work.
 * Artifacts and the unpacked distribution are cached in .cache/opensearch; each
 * start gets its own copy of config and data in .cache/opensearch/runs/<id>.
 */
export async function startOpenSearch(options: StartOptions = {}): Promise<OpenSearchNode> {
  const context = await prepareContext();
  const { node } = await launchWithRetry({ ...context, options });
  return node;
}
