import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { ingestPaths, type IngestResult } from '../../src/ingest/ingest-paths.ts';
import { startCli } from '../helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { generateHostileCorpus, type HostileCase, type HostileCorpus } from './generate.ts';

// The whole hostile corpus through the real ingest (embedded Postgres, ffprobe, ffmpeg), once as
// a library call and once through the CLI binary: every case gets its expected outcome, nothing
// crashes, and not one byte of the inputs changes.

interface Outcome {
  kind: 'ingested' | 'rejected' | 'warning' | 'missing';
  code?: string;
  reason?: string;
}

interface RunCount {
  run: string;
  tried: number;
  right: number;
  rejectedRight: number;
  wrong: string[];
  knownGaps: number;
  crashes: number;
  bytesChanged: number;
}

let db: TestDatabase;
let cliDb: TestDatabase;
let root: string;
let corpus: HostileCorpus;
let hashesBefore: Map<string, string>;
const counts: RunCount[] = [];

beforeAll(async () => {
  [db, cliDb] = await Promise.all([createTestDatabase('hostile_corpus'), createTestDatabase('hostile_cli')]);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-hostile-'));
  corpus = await generateHostileCorpus(root);
  hashesBefore = hashInputs(corpus.regularFiles);
});

afterAll(async () => {
  if (counts.length > 0) printTable(counts);
  await Promise.all([db?.drop(), cliDb?.drop()]);
  if (root) {
    // chmod 000 is undone so that a non-root run can remove it.
    for (const file of corpus?.regularFiles ?? []) fs.chmodSync(file, 0o644);
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** SHA-256 of every input file; a file this process cannot read (chmod 000, not root) is left out. */
function hashInputs(files: Buffer[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const file of files) {
    try {
      hashes.set(
        file.toString('hex'),
        crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
      );
    } catch {
      hashes.set(file.toString('hex'), 'unreadable');
    }
  }
  return hashes;
}

function bytesChanged(): number {
  const after = hashInputs(corpus.regularFiles);
  let changed = 0;
  for (const [file, hash] of hashesBefore) if (after.get(file) !== hash) changed += 1;
  return changed;
}

function tally(run: string, outcomes: Map<HostileCase, Outcome>, crashes: number): RunCount {
  const count: RunCount = {
    run,
    tried: outcomes.size,
    right: 0,
    rejectedRight: 0,
    wrong: [],
    knownGaps: [...outcomes.keys()].filter((c) => c.knownGap).length,
    crashes,
    bytesChanged: bytesChanged(),
  };
  for (const [c, got] of outcomes) {
    const want = c.expected;
    const ok =
      want.kind === got.kind &&
      (want.kind !== 'rejected' ||
        (got.code === want.code && (!want.reason || want.reason.test(got.reason ?? ''))));
    if (ok) {
      count.right += 1;
      if (want.kind === 'rejected') count.rejectedRight += 1;
    } else {
      count.wrong.push(
        `${c.id}: expected ${JSON.stringify({ ...want, reason: String((want as { reason?: RegExp }).reason ?? '') })}, got ${JSON.stringify(got)}`,
      );
    }
  }
  counts.push(count);
  return count;
}

function printTable(rows: RunCount[]): void {
  const header = [
    'run',
    'cases tried',
    'expected outcome',
    'rejected, right reason',
    'wrong',
    'known gaps',
    'crashes',
    'inputs changed',
  ];
  const lines = rows.map((r) => [
    r.run,
    String(r.tried),
    String(r.right),
    String(r.rejectedRight),
    String(r.wrong.length),
    String(r.knownGaps),
    String(r.crashes),
    String(r.bytesChanged),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const gaps = corpus.cases.filter((c) => c.knownGap).map((c) => `known gap, ${c.id}: ${c.knownGap}`);
  console.log(
    [
      'Hostile corpus',
      row(header),
      widths.map((w) => '-'.repeat(w)).join('-|-'),
      ...lines.map(row),
      ...gaps,
    ].join('\n'),
  );
}

async function libraryOutcomes(results: IngestResult[]): Promise<Map<HostileCase, Outcome>> {
  const sources = await db.db
    .selectFrom('recording_sources')
    .select('source_path')
    .where(
      'batch_id',
      'in',
      results.map((r) => r.batchId),
    )
    .execute();
  const rejections = results.flatMap((r) => r.summary.rejections);
  const warnings = results.flatMap((r) => r.summary.metadataWarnings);
  const outcomes = new Map<HostileCase, Outcome>();
  for (const c of corpus.cases) {
    if (c.expected.kind === 'warning') {
      const pattern = c.expected.pattern;
      outcomes.set(c, warnings.some((w) => pattern.test(w)) ? { kind: 'warning' } : { kind: 'missing' });
      continue;
    }
    const refused = rejections.find((r) => r.sourcePath.includes(c.match));
    if (refused) outcomes.set(c, { kind: 'rejected', code: refused.code, reason: refused.reason });
    else if (sources.some((s) => s.source_path.includes(c.match))) outcomes.set(c, { kind: 'ingested' });
    else outcomes.set(c, { kind: 'missing' });
  }
  return outcomes;
}

describe('hostile corpus', () => {
  it('ingests through ingestPaths: every case its outcome, no crash, inputs unchanged', async () => {
    const config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
    const results: IngestResult[] = [];
    let crashes = 0;
    const run = async (paths: string[], metadataFile: string) => {
      try {
        results.push(
          await ingestPaths(db.db, config, { paths, metadataFile, collection: 'hostile', actor: 'tester' }),
        );
      } catch (error) {
        crashes += 1;
        console.error('ingestPaths crashed:', error);
      }
    };
    await run([corpus.input], corpus.sidecarCsv);
    // The JSON sidecar describes one good file: a second, small run reads it.
    await run([path.join(corpus.input, 'good-ogg.ogg')], corpus.sidecarJson);

    const count = tally('ingestPaths', await libraryOutcomes(results), crashes);
    expect(count.wrong).toEqual([]);
    expect(count.crashes).toBe(0);
    expect(count.bytesChanged).toBe(0);
    expect(count.tried).toBe(corpus.cases.length);
    expect(results[0]!.status).toBe('finished_with_rejections');
  });

  it('ingests through the CLI binary: exit 1, every rejection listed with its code, no stack trace', async () => {
    const cli = startCli(
      ['ingest', corpus.input, '--collection', 'hostile', '--metadata', corpus.sidecarCsv],
      {
        DATABASE_URL: cliDb.connectionString,
        EARSHOT_DATA_DIR: path.join(root, 'cli-data'),
        EARSHOT_ACTOR: 'tester',
      },
    );
    const { code } = await cli.exited;
    const output = cli.output();
    const rejectedLines = output.split('\n').filter((l) => /\[[a-z-]+\]( \(recorded before\))?$/.test(l));
    const outcomes = new Map<HostileCase, Outcome>();
    for (const c of corpus.cases) {
      if (c.expected.kind === 'warning') {
        // The JSON sidecar is read by the library run only.
        if (c.match.startsWith('key ')) continue;
        outcomes.set(c, c.expected.pattern.test(output) ? { kind: 'warning' } : { kind: 'missing' });
        continue;
      }
      const line = rejectedLines.find((l) => l.includes(c.match));
      const refused = line && /^ {2}(.+?): (.*) \[([a-z-]+)\]/.exec(line);
      outcomes.set(
        c,
        refused ? { kind: 'rejected', code: refused[3], reason: refused[2] } : { kind: 'ingested' },
      );
    }
    const stackTrace = /^\s+at .+:\d+:\d+\)?$/m.test(output);
    const crashed = code === null || code >= 2 || stackTrace ? 1 : 0;
    const count = tally('CLI binary', outcomes, crashed);
    expect(count.wrong).toEqual([]);
    expect({ code, stackTrace }).toEqual({ code: 1, stackTrace: false });
    expect(output).toMatch(/^Batch \S+ finished with rejections\.$/m);
    expect(count.bytesChanged).toBe(0);
  });
});
