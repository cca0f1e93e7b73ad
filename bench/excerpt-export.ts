// A whole publication export for npm run bench:export: `exportExcerpt` of a 1-minute excerpt of
// a demo call (redacted text, captions, DOCX, the redacted clip in WAV and MP3, provenance) with
// the full leak check (text scan and the recogniser listening to both audio files), against
// `ffmpeg -c copy` of the same minute, in the same run, median of three each. The call is
// ingested through the CLI, transcribed by the test recogniser (its word timings place the audio
// redaction), verified by two people and its soldier, town, call sign and places registered.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Principal } from '../src/accounts/principal.ts';
import { main as earshot } from '../src/cli/main.ts';
import type { Db } from '../src/db/database.ts';
import { installTestModels } from '../src/models/testing/test-models.ts';
import { assertNoLeak, exportExcerpt } from '../src/publication/excerpt/export-excerpt.ts';
import { buildIdentityMatcher } from '../src/publication/forms/identity-matcher.ts';
import { openLeakListener } from '../src/publication/leak-check/audio-heard.ts';
import { addProtectedIdentity, loadProtectedIdentities } from '../src/publication/register/register-store.ts';
import { transcribeFile } from '../src/speech/transcribe-file.ts';
import { appendTranscriptVersion } from '../src/transcripts/transcript-store.ts';
import { recordCaseStep } from '../src/verification/case-store.ts';
import { EXCERPT_SOURCE, median, timed, timeCopy } from './excerpt-audio.ts';

const FROM = 1;
const TO = 61;
const RUNS = 3;
const ASR = 'test-asr-ru';
const VAD = 'silero-vad-v6.2' as const;

export interface ExcerptExportTimings {
  exportSeconds: number;
  leakCheckSeconds: number;
  copySeconds: number;
  audioSpans: number;
  textRedactions: number;
}

export async function benchExcerptExport(
  databaseUrl: string,
  db: Db,
  root: string,
): Promise<ExcerptExportTimings> {
  const dataDir = path.join(root, 'excerpt-data');
  const modelsDir = path.join(root, 'models');
  await installTestModels(modelsDir);
  const recordingId = await ingest(databaseUrl, dataDir);
  const heard = await transcribeFile({
    file: EXCERPT_SOURCE,
    modelsDir,
    threads: 2,
    asrModel: ASR,
    vadModel: VAD,
  });
  await appendTranscriptVersion(
    db,
    {
      ...{ recordingId, kind: 'machine', basedOnId: null, createdBy: 'bench', model: ASR },
      ...{ modelFiles: heard.recogniser.modelFiles, decoding: {}, vadRunId: null, language: 'ru' },
    },
    heard.segments,
  );
  const call = await db
    .selectFrom('recordings')
    .select(['sha256', 'collection_id'])
    .where('id', '=', recordingId)
    .executeTakeFirstOrThrow();
  const editor = await verify(db, dataDir, recordingId, call);
  await register(db, call.collection_id);
  const settings = {
    originalsDir: path.join(dataDir, 'originals'),
    ...{ modelsDir, asrModel: ASR, vadModel: VAD, translationModel: 'marian-ru-en-test', speechThreads: 2 },
  };
  const matcher = buildIdentityMatcher(await loadProtectedIdentities(db, call.collection_id));
  const listener = openLeakListener({ modelsDir, asr: ASR, vad: VAD }, settings.speechThreads);
  const exports: number[] = [];
  const checks: number[] = [];
  const copies: number[] = [];
  let summary: Awaited<ReturnType<typeof exportExcerpt>> | undefined;
  for (let run = 0; run < RUNS; run++) {
    const outDir = path.join(root, `excerpt-${run}`);
    exports.push(
      await timed(async () => {
        summary = await exportExcerpt(db, settings, {
          ...{ recordingId, selection: { from: FROM, to: TO }, principal: editor, outDir },
        });
      }),
    );
    // The leak check alone, again over the written package (it passes: the export did).
    checks.push(await timed(() => assertNoLeak(outDir, matcher, listener)));
    copies.push(await timeCopy(FROM, TO, root));
  }
  return {
    exportSeconds: median(exports),
    leakCheckSeconds: median(checks),
    copySeconds: median(copies),
    audioSpans: summary?.redactions.audioSpans ?? 0,
    textRedactions: summary?.redactions.text ?? 0,
  };
}

export function excerptExportRows(t: ExcerptExportTimings): string[] {
  return [
    `\n1-minute excerpt exported for publication (exportExcerpt, median of ${RUNS}):`,
    `  export with redaction and the full leak check  ${t.exportSeconds.toFixed(2).padStart(6)} s` +
      `  (${t.textRedactions} text redactions, ${t.audioSpans} audio spans; clip 61 s with its margins)`,
    `    of which the leak check (text + recogniser)  ${t.leakCheckSeconds.toFixed(2).padStart(6)} s`,
    `  ffmpeg -c copy of the same minute              ${t.copySeconds.toFixed(2).padStart(6)} s`,
    `  ratio: ${(t.exportSeconds / t.copySeconds).toFixed(0)}x the time of a copy`,
  ];
}

async function ingest(databaseUrl: string, dataDir: string): Promise<string> {
  const sink = new PassThrough().resume();
  const input = new PassThrough();
  input.end('');
  const env = { DATABASE_URL: databaseUrl, EARSHOT_DATA_DIR: dataDir, EARSHOT_ACTOR: 'bench' };
  const args = ['node', 'earshot', 'ingest', EXCERPT_SOURCE, '--collection', 'bench-excerpt', '--json'];
  const code = await earshot(args, env, sink, sink, input);
  if (code !== 0) throw new Error(`earshot ingest failed with exit code ${code}`);
  const { createDb } = await import('../src/db/database.ts');
  const db = createDb(databaseUrl, 1);
  try {
    const row = await db
      .selectFrom('recordings')
      .select('id')
      .where('original_filename', '=', path.basename(EXCERPT_SOURCE))
      .executeTakeFirstOrThrow();
    return row.id;
  } finally {
    await db.destroy();
  }
}

/** Two editors take the case file to verified: one proposes, the other signs off. */
async function verify(
  db: Db,
  dataDir: string,
  recordingId: string,
  call: { sha256: string; collection_id: string },
): Promise<Principal> {
  const [first, second] = await Promise.all(
    ['bench-editor', 'bench-editor-2'].map((name) =>
      db
        .insertInto('users')
        .values({ name, role: 'editor', password_hash: null, created_by: 'bench' })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow(),
    ),
  );
  const steps = [
    [first, 'advance', 'unverified', 'number_attributed'],
    [first, 'advance', 'number_attributed', 'identity_corroborated'],
    [first, 'advance', 'identity_corroborated', 'context_confirmed'],
    [first, 'propose_verified', 'context_confirmed', undefined],
    [second, 'sign_off', 'context_confirmed', undefined],
  ] as const;
  for (const [user, action, expectedStatus, to] of steps) {
    await recordCaseStep(db, path.join(dataDir, 'attachments'), {
      ...{ recordingId, collectionId: call.collection_id, recordingSha256: call.sha256 },
      ...{ action, expectedStatus, to, note: `${action}: checked`, links: [], attachments: [] },
      user: { id: user!.id, name: user!.name, maySignOff: true },
    });
  }
  return { userId: first!.id, name: first!.name, role: 'editor', collections: 'all' };
}

/** The soldier (Серёжа), the call sign Тайга, and the places Зайцево and Луганск. */
async function register(db: Db, collectionId: string): Promise<void> {
  const actor = { userId: null, name: 'bench' };
  for (const [kind, label] of [
    ['person', 'Сергей Лебедев'],
    ['call_sign', 'Тайга'],
    ['place', 'Зайцево'],
    ['place', 'Луганск'],
  ] as const) {
    await addProtectedIdentity(db, { collectionId, kind, label, actor });
  }
}
