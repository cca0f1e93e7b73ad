// CLI start-up: `npm run bench:cli [-- --baseline REF --runs N --cold-runs N]`.
// Wall time, CPU time and peak RSS of `earshot --help`, `earshot status` and `earshot analyse
// --text`, for a baseline commit and for this working tree, on the same machine in one run. The
// baseline is checked out in a temporary `git worktree` (node_modules linked from this checkout,
// so both run the same dependencies), the two versions run alternately (order swapped every
// round), one warm-up run each is not counted (it fills tsx's transform cache and initialises the
// databases), and the worktree and data are removed at the end.
//   --baseline REF   commit to compare with (default 71a188c: before the lazy-loading work)
//   --runs N         timed runs per command and version (default 7)
//   --cold-runs N    timed runs of `status` starting its own PostgreSQL (default 3; 0 skips it)
// Peak RSS is the `earshot` process's own (process.resourceUsage().maxRSS via cli-usage-probe.mjs),
// not that of PostgreSQL's processes. On a shared machine wall time stretches with the load;
// CPU time is the steadier figure.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.ts';
import { freePort } from '../test/helpers/ports.ts';

const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string', default: '71a188c' },
    runs: { type: 'string', default: '7' },
    'cold-runs': { type: 'string', default: '3' },
  },
});
const RUNS = Number(args.runs);
const COLD_RUNS = Number(args['cold-runs']);
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(COLD_RUNS) || COLD_RUNS < 0) {
  throw new Error('--runs takes a whole number from 1, --cold-runs from 0');
}

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-usage-probe.mjs');
const ANALYSE_INPUT = 'у нас пять двухсотых и десять трёхсотых\nон на подвале, прилёт по опорнику\n';

interface Version {
  label: string;
  root: string;
  /** This version's own database on the bench's running server (each migrates its own schema). */
  database: string;
  databaseUrl: string;
  /** Data folder where `status` starts (and stops) its own embedded server. */
  coldDataDir: string;
}

interface Case {
  name: string;
  args: string[];
  stdin?: string;
  runs: number;
  env(version: Version): NodeJS.ProcessEnv;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssMiB: number;
}

/** The environment without the caller's Earshot settings, so both versions see the same one. */
function neutralEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('EARSHOT_') && key !== 'DATABASE_URL'),
  );
}

async function runOnce(version: Version, c: Case, scratch: string): Promise<Sample> {
  const usageFile = path.join(scratch, 'usage.json');
  fs.rmSync(usageFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    ['--import', PROBE, path.join(version.root, 'bin', 'earshot.js'), ...c.args],
    {
      cwd: version.root,
      env: { ...neutralEnv(), ...c.env(version), EARSHOT_USAGE_FILE: usageFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdin.end(c.stdin ?? '');
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) {
    throw new Error(`${version.label}: earshot ${c.args.join(' ')} exited ${code}:\n${output.slice(-2000)}`);
  }
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssKiB: number; cpuMicros: number };
  return { wallMs, cpuMs: usage.cpuMicros / 1000, rssMiB: usage.maxRssKiB / 1024 };
}

function benchCases(dataDir: string, coldPort: number): Case[] {
  const cases: Case[] = [
    { name: 'earshot --help', args: ['--help'], runs: RUNS, env: () => ({ EARSHOT_DATA_DIR: dataDir }) },
    {
      name: 'earshot status (server running)',
      args: ['status'],
      runs: RUNS,
      env: (v) => ({ EARSHOT_DATA_DIR: dataDir, DATABASE_URL: v.databaseUrl }),
    },
    {
      name: 'earshot analyse --text',
      args: ['analyse', '--text'],
      stdin: ANALYSE_INPUT,
      runs: RUNS,
      env: () => ({ EARSHOT_DATA_DIR: dataDir }),
    },
  ];
  if (COLD_RUNS > 0) {
    cases.push({
      name: 'earshot status (starts PostgreSQL)',
      args: ['status'],
      runs: COLD_RUNS,
      env: (v) => ({ EARSHOT_DATA_DIR: v.coldDataDir, EARSHOT_PG_PORT: String(coldPort) }),
    });
  }
  return cases;
}

async function measure(versions: [Version, Version], cases: Case[], scratch: string) {
  const samples = new Map<string, Sample[]>();
  const key = (c: Case, v: Version): string => `${c.name}\u0000${v.label}`;
  for (const c of cases) {
    for (const v of versions) {
      process.stderr.write(`warm-up: ${v.label}: ${c.name}\n`);
      await runOnce(v, c, scratch);
      samples.set(key(c, v), []);
    }
  }
  for (let round = 0; round < Math.max(...cases.map((c) => c.runs)); round++) {
    process.stderr.write(`round ${round + 1}\n`);
    const order = round % 2 === 0 ? versions : ([versions[1], versions[0]] as const);
    for (const c of cases) {
      if (round >= c.runs) continue;
      for (const v of order) samples.get(key(c, v))!.push(await runOnce(v, c, scratch));
    }
  }
  return (c: Case, v: Version): Sample[] => samples.get(key(c, v))!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "0.31 s (0.29–0.40)": median and range. */
function spread(values: number[], unit: 's' | 'MiB'): string {
  const show = (n: number): string => (unit === 's' ? (n / 1000).toFixed(2) : n.toFixed(0));
  return `${show(median(values))} ${unit} (${show(Math.min(...values))}–${show(Math.max(...values))})`;
}

function ratio(before: number[], after: number[]): string {
  return `${(median(before) / median(after)).toFixed(1)}×`;
}

function report(
  versions: [Version, Version],
  cases: Case[],
  results: (c: Case, v: Version) => Sample[],
): void {
  const [base, current] = versions;
  const columns = [38, 24, 24, 7];
  const row = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(columns[i] ?? 10)).join(' ');
  for (const [title, pick, unit] of [
    ['wall time, median (min–max)', (s: Sample) => s.wallMs, 's'],
    ['CPU time (user + system), median (min–max)', (s: Sample) => s.cpuMs, 's'],
    ['peak RSS of the earshot process, median (min–max)', (s: Sample) => s.rssMiB, 'MiB'],
  ] as const) {
    console.log(`\n${title}`);
    console.log(row(['command', base.label, current.label, 'before/after']));
    for (const c of cases) {
      const before = results(c, base).map(pick);
      const after = results(c, current).map(pick);
      console.log(
        row([`${c.name} ×${c.runs}`, spread(before, unit), spread(after, unit), ratio(before, after)]),
      );
    }
  }
  console.log(`
What the commands do:
  --help                         parse the command line and print the command list.
  status (server running)        connect to a PostgreSQL server that is already running (DATABASE_URL; as while
                                 \`earshot start\` runs), check the schema is current, count stage runs, print.
  analyse --text                 read two lines from stdin and analyse them (loads the Az.js dictionaries).
  status (starts PostgreSQL)     what \`earshot status\` does when nothing else runs: start the embedded server on
                                 the data folder, check the schema, count, stop the server. The difference from
                                 the first status row is PostgreSQL's own start and stop; its processes are not in
                                 the CPU and RSS columns.`);
}

function git(cwd: string, ...gitArgs: string[]): string {
  return execFileSync('git', gitArgs, { cwd, encoding: 'utf8' }).trim();
}

async function main(): Promise<void> {
  const root = git(process.cwd(), 'rev-parse', '--show-toplevel');
  const baselineCommit = git(root, 'rev-parse', '--short', `${args.baseline}^{commit}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-cli-'));
  // initdb runs as the unprivileged postgres user when we are root: it must reach the folder.
  fs.chmodSync(scratch, 0o755);
  const baselineRoot = path.join(scratch, 'baseline');
  let server: EmbeddedServer | undefined;
  const cleanUp = async (): Promise<void> => {
    await server?.stop();
    server = undefined;
    if (fs.existsSync(baselineRoot)) git(root, 'worktree', 'remove', '--force', baselineRoot);
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    git(root, 'worktree', 'add', '--detach', baselineRoot, baselineCommit);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(baselineRoot, 'node_modules'));
    const dataDir = path.join(scratch, 'data');
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: await freePort(),
      logFile: path.join(dataDir, 'logs', 'postgres.log'),
    });
    const version = (label: string, versionRoot: string, database: string): Version => ({
      label,
      root: versionRoot,
      database,
      databaseUrl: server!.connectionString(database),
      coldDataDir: path.join(scratch, `cold-${database}`),
    });
    const versions: [Version, Version] = [
      version(`baseline ${baselineCommit}`, baselineRoot, 'earshot_baseline'),
      version(`current ${git(root, 'rev-parse', '--short', 'HEAD')}+tree`, root, 'earshot_current'),
    ];
    for (const v of versions) await ensureDatabase(server.connectionString('postgres'), v.database);
    const cases = benchCases(dataDir, await freePort());
    const load = os.loadavg()[0]!.toFixed(1);
    const results = await measure(versions, cases, scratch);
    console.log(
      `earshot CLI start-up: node ${process.version}, ${os.cpus().length} CPUs, load average ${load} at start ` +
        `and ${os.loadavg()[0]!.toFixed(1)} at the end; versions run alternately, one warm-up run each not counted.`,
    );
    report(versions, cases, results);
  } finally {
    await cleanUp();
  }
}

await main();
