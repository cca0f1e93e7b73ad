import { writeCustodyEvents } from '../custody/custody-log.ts';
import type { Db } from '../db/database.ts';
import type { TranscriptSegment, TranscriptWord } from '../db/schema.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import type { StageName } from '../jobs/stages.ts';
import { markRerunPending } from './rerun.ts';
import { realignWords, type EditAligner } from './word-realignment.ts';
import {
  appendTranscriptVersion,
  listTranscriptVersions,
  lockCallTranscripts,
  transcriptSegments,
  type LockedRecording,
  type TranscriptVersion,
} from './transcript-store.ts';

/**
 * Human corrections: a person's edit of a transcript becomes the recording's next version
 * (kind 'human', based on the version they edited). Nothing is changed in place: the machine
 * version stays readable and diffable, and a rejected correction writes nothing at all.
 *
 * The body lists the whole new version. A segment with sourceSegmentId is an edit of that
 * segment of the base version (or a copy, if nothing differs); one without is new (e.g. the
 * second half of a split); base segments not listed are removed. Segments may overlap, also
 * within a lane: people talk over each other, and a person drawing boundaries must not be
 * refused for it.
 */

export interface CorrectedSegmentInput {
  position?: number;
  sourceSegmentId?: string;
  channel: number;
  lane: string;
  speaker?: string | null;
  start: number;
  end: number;
  text: string;
}

export interface CorrectionInput {
  recordingId: string;
  baseVersion: number;
  author: string;
  segments: readonly CorrectedSegmentInput[];
}

export interface SavedCorrection {
  transcriptId: string;
  version: number;
  basedOnVersion: number;
  segments: { kept: number; edited: number; added: number; removed: number };
  /** Stages marked pending so that they run again on the new version. */
  rerun: StageName[];
  /** Words the edit changed: how many were aligned to the audio, how many estimated, and why. */
  wordTiming: WordTimingSummary;
}

export interface WordTimingSummary {
  aligned: number;
  estimated: number;
  notes: string[];
}

/** A correction that cannot be stored as sent: the author must fix it (the API answers 400). */
export class CorrectionRejected extends Error {}

/** The base version is no longer the current one: the author must reload and edit again (409). */
export class CorrectionConflict extends Error {}

// A boundary may sit this far past the probed duration: container durations are rounded.
const DURATION_TOLERANCE_SECONDS = 0.05;
// Word timings kept for an unchanged text must still lie inside the (possibly moved) boundaries.
const WORD_TOLERANCE_SECONDS = 0.001;

interface RecordingFacts {
  channels: number | null;
  durationSeconds: number | null;
  sha256: string;
}

function checkSegment(
  segment: CorrectedSegmentInput,
  index: number,
  recording: RecordingFacts,
  baseChannels: ReadonlySet<number>,
): void {
  const where = `segments[${index}]`;
  if (!Number.isFinite(segment.start) || !Number.isFinite(segment.end)) {
    throw new CorrectionRejected(`${where}: start and end must be numbers of seconds`);
  }
  if (segment.start < 0) throw new CorrectionRejected(`${where}: start ${segment.start} is negative`);
  if (segment.end <= segment.start) {
    throw new CorrectionRejected(`${where}: end ${segment.end} must be after start ${segment.start}`);
  }
  const duration = recording.durationSeconds;
  if (duration !== null && segment.end > duration + DURATION_TOLERANCE_SECONDS) {
    throw new CorrectionRejected(
      `${where}: end ${segment.end} s is beyond the end of the recording (${duration} s)`,
    );
  }
  const knownChannel =
    recording.channels !== null ? segment.channel < recording.channels : baseChannels.has(segment.channel);
  if (!knownChannel) {
    const count = recording.channels ?? baseChannels.size;
    throw new CorrectionRejected(
      `${where}: channel ${segment.channel} does not exist (the recording has ${count} channel${count === 1 ? '' : 's'}, numbered from 0)`,
    );
  }
  if (segment.text.trim() === '') {
    throw new CorrectionRejected(`${where}: the text is empty; leave the segment out to remove it`);
  }
  if (segment.lane.trim() === '') throw new CorrectionRejected(`${where}: the lane is empty`);
}

function wordsStillFit(source: TranscriptSegment, start: number, end: number): boolean {
  return source.words.every(
    (w) => w.start >= start - WORD_TOLERANCE_SECONDS && w.end <= end + WORD_TOLERANCE_SECONDS,
  );
}

function sameAsSource(source: TranscriptSegment, s: CorrectedSegmentInput, text: string): boolean {
  return (
    source.text === text &&
    source.channel === s.channel &&
    source.lane === s.lane &&
    source.speaker === (s.speaker ?? null) &&
    source.start_seconds === s.start &&
    source.end_seconds === s.end
  );
}

const UNIQUE_VIOLATION = '23505';

/** Validates the correction against the base version and stores it as the next version. */
export async function saveCorrection(
  db: Db,
  input: CorrectionInput,
  options: { aligner?: EditAligner } = {},
): Promise<SavedCorrection> {
  if (input.segments.length === 0) {
    throw new CorrectionRejected('segments is empty: a transcript version needs at least one segment');
  }
  try {
    return await storeCorrection(db, input, options.aligner);
  } catch (error) {
    // A machine transcript written at the same moment took the version number first.
    if (error instanceof Error && 'code' in error && error.code === UNIQUE_VIOLATION) {
      throw new CorrectionConflict(
        `a newer version of this transcript was saved while yours was being stored. Reload it and apply your edit again.`,
      );
    }
    throw error;
  }
}

async function storeCorrection(
  db: Db,
  input: CorrectionInput,
  aligner: EditAligner | undefined,
): Promise<SavedCorrection> {
  return db.transaction().execute(async (trx) => {
    // One correction per recording at a time: the second waits, then finds it is no longer latest.
    const recording = await lockCallTranscripts(trx, input.recordingId);
    const { base, latest } = await versionToCorrect(trx, input);
    const wordTiming: WordTimingSummary = { aligned: 0, estimated: 0, notes: [] };
    const { segments, counts } = await draftSegments(trx, input, base, recording, aligner, wordTiming);
    const transcript = await appendTranscriptVersion(
      trx,
      {
        recordingId: input.recordingId,
        kind: 'human',
        basedOnId: base.id,
        createdBy: input.author,
        model: null,
        modelFiles: {},
        decoding: {},
        vadRunId: null,
        language: base.language,
        follows: latest.version,
      },
      segments,
    );
    const rerun = await markRerunPending(trx, input.recordingId);
    const saved: SavedCorrection = {
      transcriptId: transcript.id,
      version: transcript.version,
      basedOnVersion: base.version,
      segments: counts,
      rerun,
      wordTiming,
    };
    // Its own action, so the log says plainly that a person made this version; the details say
    // which version it was based on and what they changed.
    await writeCustodyEvents(
      trx,
      {
        recordingId: input.recordingId,
        actor: input.author,
        sha256: recording.sha256,
        toolVersions: toolVersions(),
      },
      [{ action: 'corrected', details: { stage: 'correction', kind: 'human', ...saved } }],
    );
    return saved;
  });
}

/** The version the person edited, which must still be the current one, and the latest version. */
async function versionToCorrect(trx: Db, input: CorrectionInput) {
  const versions = await listTranscriptVersions(trx, input.recordingId);
  const latest = versions.at(-1);
  if (!latest) {
    throw new CorrectionRejected('the recording has no transcript yet: there is nothing to correct');
  }
  const base = versions.find((v) => v.version === input.baseVersion);
  if (!base) {
    throw new CorrectionRejected(
      `baseVersion ${input.baseVersion} does not exist (the latest version is ${latest.version})`,
    );
  }
  // A person corrects the current version. A newer machine version waiting for a decision
  // does not stop them; their correction becomes current and the offer lapses.
  const current = versions.find((v) => v.is_current) ?? latest;
  if (base.version !== current.version) {
    throw new CorrectionConflict(
      `version ${base.version} is no longer the current one: version ${current.version} was saved by ` +
        `${current.created_by} at ${current.created_at.toISOString()}. Reload it and apply your edit again.`,
    );
  }
  return { base, latest };
}

/**
 * The new version's segments in time order, each checked against the call and traced to the base
 * segment it came from, and what the edit did (kept, edited, added, removed).
 */
async function draftSegments(
  trx: Db,
  input: CorrectionInput,
  base: TranscriptVersion,
  recording: LockedRecording,
  aligner: EditAligner | undefined,
  wordTiming: WordTimingSummary,
) {
  const baseSegments = await transcriptSegments(trx, base.id);
  const baseById = new Map(baseSegments.map((s) => [String(s.id), s]));
  const baseChannels = new Set(baseSegments.map((s) => s.channel));
  const facts = {
    channels: recording.channels,
    durationSeconds: recording.duration_seconds,
    sha256: recording.sha256,
  };
  const referenced = new Set<string>();
  const counts = { kept: 0, edited: 0, added: 0, removed: 0 };
  const drafts = [];
  for (const [index, segment] of input.segments.entries()) {
    checkSegment(segment, index, facts, baseChannels);
    const text = segment.text.trim();
    const source = sourceOf(segment, index, base, baseById, referenced);
    const unchanged = source !== undefined && sameAsSource(source, segment, text);
    // The recogniser's confidence stays only while the text is the one it read and its words
    // still lie inside the segment. Word timings stay on the words the edit did not change;
    // the others are aligned to the audio, or estimated (and marked so), so seeking by word
    // keeps working.
    const keepWords =
      source !== undefined && source.text === text && wordsStillFit(source, segment.start, segment.end);
    const words = keepWords
      ? (source?.words ?? [])
      : await retimeEdited(trx, aligner, source?.words ?? [], text, segment, wordTiming);
    if (!source) counts.added++;
    else if (unchanged) counts.kept++;
    else counts.edited++;
    drafts.push({
      order: [segment.start, segment.channel, segment.position ?? index, index],
      segment: {
        channel: segment.channel,
        lane: segment.lane.trim(),
        speaker: segment.speaker ?? null,
        start: segment.start,
        end: segment.end,
        text,
        language: source?.language ?? base.language,
        confidence: keepWords ? (source?.confidence ?? null) : null,
        words,
        sourceSegmentId: source ? String(source.id) : null,
      },
    });
  }
  counts.removed = baseSegments.length - referenced.size;
  if (counts.edited + counts.added + counts.removed === 0) {
    throw new CorrectionRejected(`nothing changed: the segments are the same as version ${base.version}`);
  }
  drafts.sort((a, b) => {
    for (let i = 0; i < a.order.length; i++) {
      const d = a.order[i]! - b.order[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  return { segments: drafts.map((d) => d.segment), counts };
}

/** The base segment an edited segment came from (none for a new one), each used at most once. */
function sourceOf(
  segment: CorrectionInput['segments'][number],
  index: number,
  base: TranscriptVersion,
  baseById: Map<string, TranscriptSegment>,
  referenced: Set<string>,
): TranscriptSegment | undefined {
  if (segment.sourceSegmentId === undefined) return undefined;
  const source = baseById.get(segment.sourceSegmentId);
  if (!source) {
    throw new CorrectionRejected(
      `segments[${index}]: sourceSegmentId ${segment.sourceSegmentId} is not a segment of version ${base.version}`,
    );
  }
  if (referenced.has(segment.sourceSegmentId)) {
    throw new CorrectionRejected(
      `segments[${index}]: segment ${segment.sourceSegmentId} is listed twice; give the new piece of a split segment no sourceSegmentId`,
    );
  }
  referenced.add(segment.sourceSegmentId);
  return source;
}

/** Times for an edited segment's words, counted into the correction's summary. */
async function retimeEdited(
  trx: Db,
  aligner: EditAligner | undefined,
  sourceWords: readonly TranscriptWord[],
  text: string,
  segment: CorrectedSegmentInput,
  summary: WordTimingSummary,
): Promise<TranscriptWord[]> {
  const { words, note } = await realignWords(trx, aligner, sourceWords, text, segment);
  summary.aligned += words.filter((w) => w.aligned === true).length;
  summary.estimated += words.filter((w) => w.estimated === true).length;
  if (note && !summary.notes.includes(note)) summary.notes.push(note);
  return words;
}
