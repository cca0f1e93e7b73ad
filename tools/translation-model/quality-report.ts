import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { estimateTranslationQuality } from '../../src/translation/translation-quality.ts';

// How often the translation quality estimate marks the demo translator's English, per demo call:
// each call is transcribed and translated by `earshot transcribe --translate` with the demo
// models (as the desk's demo collection is), and every segment is estimated.
// Run: npx tsx tools/translation-model/quality-report.ts   (about two minutes on two cores)

interface Transcribed {
  segments: { text: string; translation?: { text: string | null } | null }[];
}

const root = path.resolve(import.meta.dirname, '..', '..');
const callsDir = path.join(root, 'demo', 'calls');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-quality-report-'));
const env = {
  ...process.env,
  EARSHOT_DATA_DIR: dataDir,
  EARSHOT_MODELS_DIR: path.join(root, 'demo', 'models'),
  EARSHOT_ASR_MODEL: 'test-asr-ru',
};
const issues = new Map<string, number>();
let segments = 0;
let marked = 0;
try {
  for (const name of fs.readdirSync(callsDir).sort()) {
    const run = spawnSync(
      process.execPath,
      [
        ...[
          'bin/earshot.js',
          'transcribe',
          path.join(callsDir, name),
          '--translate',
          '--json',
          '--threads',
          '1',
        ],
        ...['--translation-model', 'marian-ru-en-test'],
      ],
      { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`${name}: earshot transcribe failed\n${run.stderr}`);
    const result = JSON.parse(run.stdout) as Transcribed;
    const estimates = result.segments.map((s) =>
      estimateTranslationQuality(s.text, s.translation?.text ?? null),
    );
    const doubtful = estimates.filter((q) => q.doubtful).length;
    for (const q of estimates) for (const issue of q.issues) issues.set(issue, (issues.get(issue) ?? 0) + 1);
    segments += estimates.length;
    marked += doubtful;
    console.log(`${name}: ${doubtful}/${estimates.length} marked`);
  }
  console.log(
    `all: ${marked}/${segments} segments marked; by check: ${JSON.stringify(Object.fromEntries(issues))}`,
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
