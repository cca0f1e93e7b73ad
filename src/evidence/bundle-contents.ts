import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { JsonObject } from '../db/schema.ts';

/**
 * What an evidence bundle holds for one call (docs/evidence.md, bundle format v1): the JSON
 * documents read from the database and the stored files to stream, each with the path it takes
 * in the zip and, for derived artefacts, what made it. The files are only named here; the
 * writer streams and hashes them.
 */

export type BundleFileKind =
  | 'original'
  | 'working-copy'
  | 'transcript'
  | 'translation'
  | 'analysis'
  | 'custody'
  | 'audit'
  | 'case'
  | 'attachment'
  | 'recording'
  | 'readme'
  | 'verifier';

export interface ProducedBy {
  stage: string;
  tool: string;
  model: string | null;
  modelSha256: string | null;
  parameters: JsonObject;
  at: string;
}

/** A JSON document of the bundle (small: one call's rows). */
export interface BundleDocument {
  path: string;
  kind: BundleFileKind;
  recordingId: string;
  producedBy: ProducedBy | null;
  content: unknown;
}

/** A stored file streamed into the bundle and checked against its recorded SHA-256 and size. */
export interface BundleStoredFile {
  path: string;
  kind: 'original' | 'working-copy' | 'attachment';
  recordingId: string;
  producedBy: ProducedBy | null;
  /** Which store it is in and where, relative to that store. */
  store: 'originals' | 'derived' | 'attachments';
  storePath: string;
  sha256: string;
  sizeBytes: number;
  /** What to call it in an error message. */
  description: string;
}

export interface CallContents {
  documents: BundleDocument[];
  files: BundleStoredFile[];
}

/** The call's rows as the bundle carries them (recording.json, transcripts, …, case). */
export async function loadCallContents(db: Db, recordingId: string): Promise<CallContents> {
  const base = `recordings/${recordingId}`;
  const recording = await db
    .selectFrom('recordings as r')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .selectAll('r')
    .select('c.name as collection_name')
    .where('r.id', '=', recordingId)
    .executeTakeFirstOrThrow();
  const documents: BundleDocument[] = [];
  const files: BundleStoredFile[] = [
    {
      path: `originals/${recording.sha256}`,
      kind: 'original',
      recordingId,
      producedBy: null,
      store: 'originals',
      storePath: recording.store_path,
      sha256: recording.sha256,
      sizeBytes: Number(recording.size_bytes),
      description: `original of recording ${recordingId} (${recording.original_filename})`,
    },
  ];
  const doc = (path: string, kind: BundleFileKind, content: unknown, producedBy: ProducedBy | null = null) =>
    documents.push({ path: `${base}/${path}`, kind, recordingId, producedBy, content });

  const [sources, stageRuns, notes] = await Promise.all([
    db
      .selectFrom('recording_sources')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('received_at')
      .execute(),
    db
      .selectFrom('stage_runs')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('stage')
      .execute(),
    db
      .selectFrom('desk_notes')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('created_at')
      .execute(),
  ]);
  doc('recording.json', 'recording', { recording, sources, stageRuns, notes });

  for (const copy of await db
    .selectFrom('derived_files')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .orderBy('path')
    .execute()) {
    files.push({
      path: `${base}/working/${safeName(withoutPrefix(copy.path, `${recording.sha256}/`))}`,
      kind: 'working-copy',
      recordingId,
      producedBy: {
        stage: copy.stage,
        tool: describeTools(copy.tool_versions),
        model: null,
        modelSha256: null,
        parameters: {
          kind: copy.kind,
          channel: copy.channel,
          sampleRate: copy.sample_rate,
          toolVersions: copy.tool_versions,
        },
        at: copy.created_at.toISOString(),
      },
      store: 'derived',
      storePath: copy.path,
      sha256: copy.sha256,
      sizeBytes: Number(copy.size_bytes),
      description: `working copy ${copy.path} of recording ${recordingId}`,
    });
  }

  await addTranscripts(db, recordingId, doc);
  await addAnalyses(db, recordingId, doc);

  const [custody, audit] = await Promise.all([
    db
      .selectFrom('custody_events')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('id')
      .execute(),
    db.selectFrom('audit_log').selectAll().where('target', '=', recordingId).orderBy('seq').execute(),
  ]);
  doc('custody.json', 'custody', custody);
  doc('audit.json', 'audit', audit);

  await addCaseFile(db, recordingId, base, doc, files);
  return { documents, files };
}

type AddDocument = (
  path: string,
  kind: BundleFileKind,
  content: unknown,
  producedBy?: ProducedBy | null,
) => void;

async function addTranscripts(db: Db, recordingId: string, doc: AddDocument): Promise<void> {
  const transcripts = await db
    .selectFrom('transcripts')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .orderBy('version')
    .execute();
  for (const transcript of transcripts) {
    const segments = await db
      .selectFrom('transcript_segments')
      .selectAll()
      .where('transcript_id', '=', transcript.id)
      .orderBy('position')
      .execute();
    const machine = transcript.kind === 'machine';
    doc(
      `transcripts/v${transcript.version}.json`,
      'transcript',
      { transcript, segments },
      {
        stage: machine ? 'transcribe' : 'correction',
        tool: machine
          ? typeof transcript.decoding.engine === 'string'
            ? transcript.decoding.engine
            : 'earshot'
          : `earshot desk (${transcript.created_by})`,
        model: transcript.model,
        modelSha256: modelFilesDigest(transcript.model_files),
        parameters: {
          decoding: transcript.decoding,
          modelFiles: transcript.model_files,
          vadRunId: transcript.vad_run_id,
          language: transcript.language,
          basedOnId: transcript.based_on_id,
        },
        at: transcript.created_at.toISOString(),
      },
    );
    await addTranslations(db, recordingId, transcript.id, transcript.version, doc);
  }
}

async function addTranslations(
  db: Db,
  recordingId: string,
  transcriptId: string,
  version: number,
  doc: AddDocument,
): Promise<void> {
  const rows = await db
    .selectFrom('segment_translations as t')
    .innerJoin('transcript_segments as s', 's.id', 't.transcript_segment_id')
    .selectAll('t')
    .where('t.transcript_id', '=', transcriptId)
    .orderBy('t.target_language')
    .orderBy('s.position')
    .orderBy('t.created_at')
    .execute();
  const languages = [...new Set(rows.map((r) => r.target_language))];
  for (const language of languages) {
    const translations = rows.filter((r) => r.target_language === language);
    const models = [...new Set(translations.map((t) => t.model).filter((m) => m !== null))];
    const digests = [...new Set(translations.map((t) => t.model_sha256).filter((m) => m !== null))];
    const engines = [...new Set(translations.map((t) => t.engine))];
    const last = translations.reduce((a, b) => (a.created_at > b.created_at ? a : b));
    doc(
      `translations/v${version}-${safeName(language)}.json`,
      'translation',
      { recordingId, transcriptId, transcriptVersion: version, targetLanguage: language, translations },
      {
        stage: 'translate',
        tool: engines.join(', '),
        model: models.length === 1 ? models[0]! : models.length === 0 ? null : models.join(', '),
        modelSha256: digests.length === 1 ? digests[0]! : null,
        parameters: { targetLanguage: language, transcriptVersion: version, models, modelSha256s: digests },
        at: last.created_at.toISOString(),
      },
    );
  }
}

async function addAnalyses(db: Db, recordingId: string, doc: AddDocument): Promise<void> {
  const runs = await db
    .selectFrom('analysis_runs')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .orderBy('seq')
    .execute();
  for (const run of runs) {
    const [matches, entities, meaning] = await Promise.all([
      db.selectFrom('analysis_matches').selectAll().where('run_id', '=', run.id).orderBy('id').execute(),
      db.selectFrom('analysis_entities').selectAll().where('run_id', '=', run.id).orderBy('id').execute(),
      db
        .selectFrom('analysis_meaning_flags')
        .selectAll()
        .where('run_id', '=', run.id)
        .orderBy('id')
        .execute(),
    ]);
    doc(
      `analyses/${run.id}.json`,
      'analysis',
      { run, matches, entities, meaning },
      {
        stage: 'analyse',
        tool: `earshot analyser ${run.analyser_version}`,
        model: null,
        modelSha256: null,
        parameters: {
          analyserVersion: run.analyser_version,
          lexiconVersion: run.lexicon_version,
          classifierVersion: run.classifier_version,
          transcriptId: run.transcript_id,
          translation: run.translation,
        },
        at: run.created_at.toISOString(),
      },
    );
  }
}

/** The case file (migration 0021); a call nobody opened a case for is 'unverified' with no events. */
async function addCaseFile(
  db: Db,
  recordingId: string,
  base: string,
  doc: AddDocument,
  files: BundleStoredFile[],
): Promise<void> {
  const [current, events, attachments] = await Promise.all([
    db
      .selectFrom('verification_cases')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .executeTakeFirst(),
    db
      .selectFrom('verification_case_events')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('case_attachments')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  doc('case/case.json', 'case', {
    recordingId,
    status: current?.status ?? 'unverified',
    case: current ?? null,
    events,
    attachments: attachments.map((a) => ({ ...a, bundlePath: `${base}/case/attachments/${a.sha256}` })),
  });
  const seen = new Set<string>();
  for (const attachment of attachments) {
    if (seen.has(attachment.sha256)) continue;
    seen.add(attachment.sha256);
    files.push({
      path: `${base}/case/attachments/${attachment.sha256}`,
      kind: 'attachment',
      recordingId,
      producedBy: null,
      store: 'attachments',
      storePath: attachment.store_path,
      sha256: attachment.sha256,
      sizeBytes: Number(attachment.size_bytes),
      description: `case attachment "${attachment.file_name}" of recording ${recordingId}`,
    });
  }
}

/** "ffmpeg N-…, ffprobe …": the tools a working copy's row names, in a fixed order. */
function describeTools(versions: Record<string, string>): string {
  const names = Object.keys(versions).sort();
  return names.length === 0 ? 'unrecorded' : names.map((n) => `${n} ${versions[n]}`).join(', ');
}

/**
 * One checksum for a model of several files: SHA-256 over the sorted "name  sha256" lines, as
 * translations record theirs; a model of one file is that file's SHA-256. Null when none recorded.
 */
function modelFilesDigest(modelFiles: Record<string, string>): string | null {
  const names = Object.keys(modelFiles).sort();
  if (names.length === 0) return null;
  if (names.length === 1) return modelFiles[names[0]!]!;
  const lines = names.map((n) => `${n}  ${modelFiles[n]}\n`).join('');
  return createHash('sha256').update(lines).digest('hex');
}

/** Working copies are stored under the original's SHA-256 (<sha256>/decode/…): the call's folder says that. */
function withoutPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** A stored relative name as a bundle path part: '/' kept as folders, anything but ASCII replaced. */
function safeName(name: string): string {
  return name
    .split(/[\\/]+/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .map((part) => part.replace(/[^A-Za-z0-9._-]/g, '_'))
    .join('/');
}
