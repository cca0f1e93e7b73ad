import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../accounts/principal.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { EarshotConfig } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { ModelProfile } from '../../db/schema.ts';
import { stageModelsFor } from '../../models/model-profile.ts';
import { RecordingNotFound } from '../../recordings/recording-not-found.ts';
import { writeSrt, writeWebVtt, type CaptionSegment } from '../documents/captions.ts';
import { buildTranscriptDocx } from '../documents/transcript-docx.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import { heardExportHits, openLeakListener, type LeakListener } from '../leak-check/audio-heard.ts';
import { describeLeakHit, scanExportFiles } from '../leak-check/scan-export.ts';
import { writeRedactedClip } from '../media/redacted-clip.ts';
import type { IdentityMatcher } from '../protected-identity.ts';
import { protectAllInCall } from '../register/from-analysis.ts';
import { loadProtectedIdentities } from '../register/register-store.ts';
import { buildExcerptPlan, type ExcerptCall, type ExcerptPlan } from './excerpt-plan.ts';
import { addExportedFiles, type ExportedFile } from './provenance.ts';
import { publishRefusals, type PublishOverride } from './publish-policy.ts';
import type { SelectionRequest } from './selection.ts';

/**
 * Writes a publishable excerpt package of a call: the redacted clip (WAV and MP3), captions (SRT
 * and WebVTT, English and Russian), a DOCX transcript and the provenance record with every file's
 * SHA-256. Everything is written into a folder beside the target, the leak check reads all of it,
 * and only a package with no hit is renamed to the target; any hit refuses the export.
 */

/** The leak check found protected forms: nothing was written at the target. */
export class ExcerptLeaked extends Error {
  constructor(readonly hits: string[]) {
    super(
      `The leak check refused the excerpt: ${hits.length} protected form(s) found; nothing was written.\n` +
        hits.map((h) => `  ${h}`).join('\n'),
    );
  }
}

/** The target folder exists and is not empty (nothing is overwritten). */
export class ExcerptTargetExists extends Error {}

export interface ExcerptExportRequest {
  recordingId: string;
  selection: SelectionRequest;
  principal: Actor;
  outDir: string;
  protectAll?: boolean;
  /** The clip's margin around the selection in seconds (default 0.5, clamped to the call). */
  clipMarginSeconds?: number;
  override?: PublishOverride;
  address?: string | null;
  now?: Date;
}

export interface ExcerptExportSummary {
  path: string;
  files: ExportedFile[];
  redactions: { text: number; audioSpans: number; disguisedVoices: number };
  usedSegmentFallback: boolean;
  protectedAdded: number;
}

/** Where the originals are and which speech models the leak check listens with. */
export type ExcerptExportSettings = Pick<
  EarshotConfig,
  'originalsDir' | 'modelsDir' | 'asrModel' | 'vadModel' | 'translationModel' | 'speechThreads'
>;

export async function exportExcerpt(
  db: Db,
  settings: ExcerptExportSettings,
  request: ExcerptExportRequest,
): Promise<ExcerptExportSummary> {
  const target = path.resolve(request.outDir);
  assertTargetFree(target);
  const { call, storePath, profile } = await loadCall(db, request.recordingId);
  // Who may publish this call is answered first (403, 409): a missing model is not the news for
  // someone who may not export it. Nothing is recorded yet; the override is, with the plan.
  await publishRefusals(db, request.principal, call, request.override);
  // The collection's recogniser, opened before anything is written: a missing model refuses now.
  const listener = openLeakListener(stageModelsFor(profile, settings), settings.speechThreads);
  const protectedAdded = request.protectAll ? await protectAll(db, call, request) : 0;
  const matcher = buildIdentityMatcher(await loadProtectedIdentities(db, call.collection_id));
  const plan = await buildExcerptPlan(db, {
    principal: request.principal,
    call,
    selection: request.selection,
    matcher,
    override: request.override,
    address: request.address,
    now: request.now,
    audio: { clipMarginSeconds: request.clipMarginSeconds },
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.excerpt-'));
  try {
    const source = insideStore(settings.originalsDir, storePath);
    const files = await writePackage(plan, source, staging, request.now ?? new Date());
    await publishCheckedPackage(staging, target, matcher, listener);
    const summary: ExcerptExportSummary = {
      path: target,
      files,
      redactions: {
        text: plan.redactions.length,
        audioSpans: plan.audio.spans.length,
        disguisedVoices: plan.audio.protectedVoices.length,
      },
      usedSegmentFallback: plan.audio.usedSegmentFallback,
      protectedAdded,
    };
    await recordAudit(db, {
      actor: request.principal.name,
      userId: request.principal.userId,
      action: 'export-excerpt',
      target: call.id,
      address: request.address ?? null,
      details: {
        recordingId: call.id,
        from: plan.from,
        to: plan.to,
        files: files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })),
        redactions: summary.redactions,
        // What listened to the clip for the audio leak check (its model, not what it heard).
        leakCheck: { recogniser: listener.recogniser.model, vad: listener.vad.model },
      },
    });
    return summary;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** --protect-all: the register change is audited like the desk's one-click protect (pseudonyms only). */
export async function protectAll(
  db: Db,
  call: ExcerptCall,
  request: Pick<ExcerptExportRequest, 'principal' | 'address'>,
): Promise<number> {
  const { principal } = request;
  const { entries, added } = await protectAllInCall(db, call.id, {
    userId: principal.userId,
    name: principal.name,
  });
  await recordAudit(db, {
    actor: principal.name,
    userId: principal.userId,
    action: 'protect-identity',
    target: call.id,
    address: request.address ?? null,
    details: {
      collectionId: call.collection_id,
      added,
      entries: entries.map((e) => ({ entryId: e.id, kind: e.kind, pseudonym: e.pseudonym })),
    },
  });
  return added;
}

/**
 * The guard every export passes: scans the folder for every protected form and phone-number
 * pattern, lets the recogniser listen to every audio file in it, and throws ExcerptLeaked naming
 * each hit (file, place or time, identity). No option skips either part.
 */
export async function assertNoLeak(
  folder: string,
  matcher: IdentityMatcher,
  listener: LeakListener,
): Promise<void> {
  const hits = [
    ...(await scanExportFiles(folder, matcher)),
    ...(await heardExportHits(folder, listener, matcher)),
  ];
  if (hits.length > 0) throw new ExcerptLeaked(hits.map(describeLeakHit));
}

/**
 * Moves a written package to its target only when the leak check finds nothing in it; on any
 * hit the package is removed and ExcerptLeaked names every hit, and nothing appears at the target.
 */
export async function publishCheckedPackage(
  staging: string,
  target: string,
  matcher: IdentityMatcher,
  listener: LeakListener,
): Promise<void> {
  try {
    await assertNoLeak(staging, matcher, listener);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  assertTargetFree(target);
  if (fs.existsSync(target)) fs.rmdirSync(target);
  fs.renameSync(staging, target);
}

function assertTargetFree(target: string): void {
  if (fs.existsSync(target) && (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0))
    throw new ExcerptTargetExists(`${target} exists and is not an empty folder; nothing was written.`);
}

export function insideStore(storeDir: string, relative: string): string {
  const root = path.resolve(storeDir);
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(root + path.sep))
    throw new Error(`The stored path of the recording leads outside ${root}.`);
  return absolute;
}

// Recording ids are UUIDs; anything else names no recording (and must not reach Postgres as one).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadCall(
  db: Db,
  recordingId: string,
): Promise<{ call: ExcerptCall; storePath: string; profile: ModelProfile }> {
  if (!UUID.test(recordingId)) throw new RecordingNotFound(recordingId);
  const row = await db
    .selectFrom('recordings as r')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .select([
      'r.id',
      'r.sha256',
      'r.collection_id',
      'c.name as collection_name',
      'r.duration_seconds',
      'r.call_started_at',
      'r.call_timezone',
      'r.location_text',
      'r.store_path',
      'c.model_profile',
    ])
    .where('r.id', '=', recordingId)
    .executeTakeFirst();
  if (!row) throw new RecordingNotFound(recordingId);
  const { store_path: storePath, model_profile: profile, ...call } = row;
  return { call, storePath, profile };
}

/** The plan's clip, as the export and the desk's preview both write it. */
export function writePlannedClip(
  plan: ExcerptPlan,
  source: string,
  out: { wav: string; mp3: string },
): ReturnType<typeof writeRedactedClip> {
  const lanes = [...new Set(plan.audio.protectedVoices.map((v) => v.channel))];
  return writeRedactedClip({
    source,
    // The plan's window already holds the margin, clamped to the call, and its spans cover it.
    from: plan.clip.from,
    to: plan.clip.to,
    marginSeconds: 0,
    redactions: plan.audio.spans.map((s) => ({ start: s.start, end: s.end, mode: s.mode })),
    disguise: lanes.length > 0 ? { lanes } : undefined,
    out,
  });
}

async function writePackage(
  plan: ExcerptPlan,
  source: string,
  dir: string,
  exportedAt: Date,
): Promise<ExportedFile[]> {
  const clip = await writePlannedClip(plan, source, {
    wav: path.join(dir, 'excerpt.wav'),
    mp3: path.join(dir, 'excerpt.mp3'),
  });
  const window = { clipStart: clip.clipStart, clipEnd: clip.clipEnd };
  const captions = (language: 'ru' | 'en'): CaptionSegment[] =>
    plan.segments
      .filter((s) => (language === 'ru' ? s.ru : s.en))
      .map((s) => ({
        start: s.start,
        end: s.end,
        speaker: s.speaker,
        text: (language === 'ru' ? s.ru : s.en) ?? '',
      }));
  for (const language of ['en', 'ru'] as const) {
    fs.writeFileSync(path.join(dir, `captions.${language}.srt`), writeSrt(captions(language), window));
    fs.writeFileSync(path.join(dir, `captions.${language}.vtt`), writeWebVtt(captions(language), window));
  }
  fs.writeFileSync(path.join(dir, 'transcript.docx'), await transcriptDocx(plan, clip.clipStart, exportedAt));
  const files = fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name));
      return { name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    });
  const provenance = addExportedFiles(plan.provenance, files);
  fs.writeFileSync(path.join(dir, 'provenance.json'), JSON.stringify(provenance, null, 2) + '\n');
  return files;
}

function transcriptDocx(plan: ExcerptPlan, clipStart: number, exportedAt: Date): Promise<Buffer> {
  const { provenance } = plan;
  const models = [
    ...(provenance.models.recogniser?.model
      ? [{ role: 'speech recognition', name: provenance.models.recogniser.model }]
      : []),
    ...provenance.models.translator.map((t) => ({ role: 'translation', name: t.model ?? t.engine })),
  ];
  return buildTranscriptDocx({
    title: `Excerpt of a call (${provenance.call.month ?? 'date withheld'})`,
    provenance: {
      sourceSha256: provenance.source.sha256,
      transcriptVersion: provenance.transcript.version,
      correctedByPerson: provenance.transcript.correctedByPerson,
      models,
      exportedAt,
    },
    rows: plan.segments.map((s) => ({
      start: Math.max(0, s.start - clipStart),
      end: Math.max(0, s.end - clipStart),
      speaker: s.speaker,
      russian: s.ru,
      english: s.en ?? '',
      origin: {
        russian: s.corrected ? 'human-corrected' : 'machine',
        english: s.enCorrected ? 'human-corrected' : 'machine',
      },
    })),
  });
}
