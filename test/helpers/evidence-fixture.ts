import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordAudit } from '../../src/audit/audit-log.ts';
import { loadConfig } from '../../src/config/config.ts';
import { writeCustodyEvents } from '../../src/custody/custody-log.ts';
import type { Db } from '../../src/db/database.ts';
import { ingestPaths } from '../../src/ingest/ingest-paths.ts';
import { ffmpegPath } from '../../src/media/ffmpeg-binaries.ts';
import { toolVersions } from '../../src/runtime/tool-versions.ts';
import { sha256Hex, type BundleFile, type ManifestRecording } from './evidence-bundle.ts';

// Real material for test bundles: a demo call ingested by the product into a real database, a
// working copy decoded by ffmpeg and logged with the product's custody writer, and audit entries
// appended with recordAudit, so the verifier's custody and audit checks meet rows as the product
// writes them (hashes included). Transcript, translation, analysis and case files are small JSON
// documents of the contract's shape: the verifier checks their bytes, not their meaning.

export const DEMO_CALL = path.resolve(
  import.meta.dirname,
  '../../demo/calls/20220306_194211_+380501734482_+79161234567.ogg',
);
const ATTACHMENT_SOURCE = path.resolve(import.meta.dirname, '../../demo/calls.csv');

export interface EvidenceFixture {
  recordings: ManifestRecording[];
  files: BundleFile[];
  recordingId: string;
  /** Removes the scratch data folder. */
  remove(): void;
}

/** Ingests the demo call into db and gathers every file a bundle of that call holds. */
export async function buildEvidenceFixture(db: Db): Promise<EvidenceFixture> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-evidence-'));
  const config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
  const ingest = await ingestPaths(db, config, {
    paths: [DEMO_CALL],
    collection: 'evidence',
    actor: 'tester',
  });
  const recordingId = ingest.newRecordingIds[0]!;
  const recording = await db
    .selectFrom('recordings')
    .selectAll()
    .where('id', '=', recordingId)
    .executeTakeFirstOrThrow();
  const original = fs.readFileSync(path.join(config.originalsDir, recording.store_path));

  const working = decodeWorkingCopy(path.join(config.originalsDir, recording.store_path), root);
  const workingSha = sha256Hex(working);
  await writeCustodyEvents(
    db,
    { recordingId, actor: 'tester', sha256: recording.sha256, toolVersions: toolVersions() },
    [
      {
        action: 'derived',
        details: {
          stage: 'decode',
          worker: 'test-worker',
          jobId: 'test-job',
          force: false,
          input: { path: recording.store_path, sha256: recording.sha256 },
          outputs: [
            { channel: 0, path: `${recordingId}/ch0.wav`, sha256: workingSha, sizeBytes: working.length },
          ],
        },
      },
    ],
  );
  const attachment = fs.readFileSync(ATTACHMENT_SOURCE);
  const attachmentSha = sha256Hex(attachment);
  await writeCustodyEvents(
    db,
    { recordingId, actor: 'olena', sha256: attachmentSha, toolVersions: toolVersions() },
    [
      {
        action: 'attached',
        details: {
          attachmentId: '1',
          caseEventId: '1',
          storePath: `${attachmentSha.slice(0, 2)}/${attachmentSha}`,
          fileName: 'call records.csv',
          mediaType: 'text/csv',
          sizeBytes: attachment.length,
          user: 'olena',
        },
      },
    ],
  );
  for (const [action, details] of [
    ['view-call', {}],
    ['stream-audio', { channel: 0, range: [0, 4096], note: 'Прослушано «полностью» — 🎧' }],
    [
      'correct-transcript',
      { version: 2, ratio: 0.125, big: 1e21, tiny: 5e-7, nested: { b: [true, null], a: 'x' } },
    ],
    ['export', { format: 'evidence-bundle' }],
  ] as const) {
    await recordAudit(db, {
      actor: 'olena',
      userId: null,
      action,
      target: recordingId,
      address: '10.0.0.7',
      details,
    });
  }

  const custody = await db
    .selectFrom('custody_events')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .orderBy('id')
    .execute();
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('target', '=', recordingId)
    .orderBy('seq')
    .execute();
  const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, null, 2));
  const dir = `recordings/${recordingId}`;
  const at = new Date().toISOString();
  const files: BundleFile[] = [
    { path: `originals/${recording.sha256}`, kind: 'original', recordingId, data: original },
    { path: `${dir}/recording.json`, kind: 'recording', recordingId, data: json(recording) },
    {
      path: `${dir}/working/ch0.wav`,
      kind: 'working-copy',
      recordingId,
      data: working,
      producedBy: {
        stage: 'decode',
        tool: 'ffmpeg',
        model: null,
        modelSha256: null,
        parameters: { sampleRate: 16000 },
        at,
      },
    },
    {
      path: `${dir}/transcripts/v1.json`,
      kind: 'transcript',
      recordingId,
      data: json({ version: 1, segments: [{ channel: 0, start: 0.5, end: 2.1, text: 'Алло, мама?' }] }),
      producedBy: {
        stage: 'transcribe',
        tool: 'sherpa-onnx',
        model: 'demo',
        modelSha256: 'a'.repeat(64),
        parameters: {},
        at,
      },
    },
    {
      path: `${dir}/translations/v1-en.json`,
      kind: 'translation',
      recordingId,
      data: json({ version: 1, language: 'en', segments: [{ text: 'Hello, mum?' }] }),
      producedBy: {
        stage: 'translate',
        tool: 'opus-mt',
        model: 'demo',
        modelSha256: 'b'.repeat(64),
        parameters: {},
        at,
      },
    },
    {
      path: `${dir}/analyses/run-1.json`,
      kind: 'analysis',
      recordingId,
      data: json({ runId: 'run-1', matches: [], entities: [] }),
      producedBy: {
        stage: 'analyse',
        tool: 'earshot-analyser 1',
        model: null,
        modelSha256: null,
        parameters: {},
        at,
      },
    },
    { path: `${dir}/custody.json`, kind: 'custody', recordingId, data: json(custody) },
    { path: `${dir}/audit.json`, kind: 'audit', recordingId, data: json(audit) },
    {
      path: `${dir}/case/case.json`,
      kind: 'case',
      recordingId,
      data: json({
        case: { status: 'number_attributed' },
        events: [],
        attachments: [{ sha256: attachmentSha }],
      }),
    },
    { path: `${dir}/case/attachments/${attachmentSha}`, kind: 'attachment', recordingId, data: attachment },
  ];
  const recordings: ManifestRecording[] = [
    {
      id: recordingId,
      collection: 'evidence',
      sha256: recording.sha256,
      sizeBytes: Number(recording.size_bytes),
      originalFileName: recording.original_filename,
      original: `originals/${recording.sha256}`,
    },
  ];
  return { recordings, files, recordingId, remove: () => removeTree(root) };
}

/** The call's first channel as a 16 kHz mono WAV, as the decode stage makes working copies. */
function decodeWorkingCopy(original: string, root: string): Buffer {
  const out = path.join(root, 'ch0.wav');
  execFileSync(ffmpegPath(), [
    '-v',
    'error',
    '-i',
    original,
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'pcm_s16le',
    '-y',
    out,
  ]);
  return fs.readFileSync(out);
}

/** Originals are stored read-only in sealed folders: open them up again before removing. */
function removeTree(root: string): void {
  for (const item of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (item.isDirectory()) fs.chmodSync(path.join(item.parentPath, item.name), 0o755);
  }
  fs.rmSync(root, { recursive: true, force: true });
}
