import type { Db } from '../../db/database.ts';
import { recordingOfSegment } from '../../transcripts/transcript-store.ts';
import { readCallTranscript, type CallTranscript, type ExcerptSourceSegment } from './call-transcript.ts';

/**
 * What part of a call an excerpt covers. One excerpt is ONE continuous time range: given as
 * segment ids (the range from the first one's start to the last one's end) or as from/to in
 * seconds, never both. Every segment that overlaps the range is in the excerpt, whichever were
 * clicked: the clip carries all speech of its range (both lanes), so all of it is transcribed,
 * translated and redacted.
 */

export interface SelectionRequest {
  segmentIds?: readonly string[];
  /** Seconds from the start of the call. */
  from?: number;
  to?: number;
}

export interface ExcerptSelection {
  recordingId: string;
  from: number;
  to: number;
  /** The segment ids asked for, when the selection was made by segments. */
  requestedSegmentIds: string[] | null;
  transcript: CallTranscript;
  /** Every segment of the current version overlapping [from, to], in spoken order. */
  segments: ExcerptSourceSegment[];
}

/** A selection that cannot be an excerpt (400): the message names the problem. */
export class SelectionRejected extends Error {}

/** How far past the call's end a range may reach and still count as its end (rounding). */
const END_TOLERANCE_SECONDS = 0.05;

/** Where a segment id that is not in the current version comes from (for the error message). */
export type SegmentLookup = (
  segmentId: string,
) => Promise<'this-call-older-version' | 'other-call' | 'unknown'>;

export interface CallForSelection {
  id: string;
  duration_seconds: number | null;
}

/** Reads the call's current transcript and checks the selection against it. */
export async function resolveSelection(
  db: Db,
  call: CallForSelection,
  request: SelectionRequest,
): Promise<ExcerptSelection> {
  const transcript = await readCallTranscript(db, call.id);
  if (!transcript)
    throw new SelectionRejected(
      `Call ${call.id} has no transcript yet: an excerpt is cut from a transcript.`,
    );
  const lookup: SegmentLookup = async (segmentId) => {
    const recordingId = /^\d+$/.test(segmentId) ? await recordingOfSegment(db, segmentId) : undefined;
    if (recordingId === undefined) return 'unknown';
    return recordingId === call.id ? 'this-call-older-version' : 'other-call';
  };
  return selectFromTranscript(transcript, callDuration(call, transcript), request, lookup);
}

function callDuration(call: CallForSelection, transcript: CallTranscript): number {
  if (call.duration_seconds !== null && call.duration_seconds > 0) return call.duration_seconds;
  return Math.max(0, ...transcript.segments.map((s) => s.end));
}

/** The checks and the range, given the call's transcript and duration. */
export async function selectFromTranscript(
  transcript: CallTranscript,
  duration: number,
  request: SelectionRequest,
  lookup: SegmentLookup,
): Promise<ExcerptSelection> {
  const byRange = request.from !== undefined || request.to !== undefined;
  const bySegments = request.segmentIds !== undefined;
  const picked = bySegments ? await pickedSegments(transcript, request.segmentIds ?? [], lookup) : null;
  if (picked && byRange) refuseTwoSelections(picked, request);
  const range = picked
    ? { from: picked[0]!.start, to: picked.at(-1)!.end }
    : checkRange(request.from ?? 0, request.to ?? duration, duration);
  const segments = transcript.segments.filter((s) => s.start < range.to && s.end > range.from);
  if (segments.length === 0)
    throw new SelectionRejected(
      `Empty selection: ${seconds(range.from)}–${seconds(range.to)} holds no transcribed speech.`,
    );
  return {
    recordingId: transcript.recordingId,
    ...range,
    requestedSegmentIds: picked ? picked.map((s) => s.id) : null,
    transcript,
    segments,
  };
}

async function pickedSegments(
  transcript: CallTranscript,
  ids: readonly string[],
  lookup: SegmentLookup,
): Promise<ExcerptSourceSegment[]> {
  if (ids.length === 0) throw new SelectionRejected('Empty selection: no segment was selected.');
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0)
    throw new SelectionRejected(
      `Overlapping selections: segment ${[...new Set(twice)].join(', ')} is selected more than once.`,
    );
  const byId = new Map(transcript.segments.map((s) => [s.id, s]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new SelectionRejected(await describeMissing(missing, transcript, lookup));
  return ids.map((id) => byId.get(id)!).sort((a, b) => a.start - b.start || a.position - b.position);
}

async function describeMissing(
  missing: readonly string[],
  transcript: CallTranscript,
  lookup: SegmentLookup,
): Promise<string> {
  const problems: string[] = [];
  for (const id of missing) {
    const where = await lookup(id);
    if (where === 'other-call') problems.push(`segment ${id} belongs to another call`);
    else if (where === 'this-call-older-version')
      problems.push(
        `segment ${id} is of an older transcript version (the current is v${transcript.version.number})`,
      );
    else problems.push(`segment ${id} does not exist`);
  }
  return `Unknown segments for call ${transcript.recordingId}: ${problems.join('; ')}.`;
}

function refuseTwoSelections(picked: readonly ExcerptSourceSegment[], request: SelectionRequest): never {
  const from = request.from ?? 0;
  const to = request.to ?? Number.POSITIVE_INFINITY;
  const segmentsFrom = picked[0]!.start;
  const segmentsTo = picked.at(-1)!.end;
  const overlap = segmentsFrom < to && segmentsTo > from;
  throw new SelectionRejected(
    (overlap
      ? `Overlapping selections: the segments (${seconds(segmentsFrom)}–${seconds(segmentsTo)}) and the time ` +
        `range (${seconds(from)}–${Number.isFinite(to) ? seconds(to) : 'end'}) overlap. `
      : 'Two selections: segments and a time range. ') +
      'An excerpt is one continuous range: give segment ids or from/to, not both.',
  );
}

function checkRange(from: number, to: number, duration: number): { from: number; to: number } {
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new SelectionRejected('The selection needs numbers of seconds for from and to.');
  if (from < 0)
    throw new SelectionRejected(`The selection starts before the call: from is ${seconds(from)}.`);
  if (from >= to)
    throw new SelectionRejected(
      `The selection ends before it starts: from (${seconds(from)}) must be less than to (${seconds(to)}).`,
    );
  if (from >= duration || to > duration + END_TOLERANCE_SECONDS)
    throw new SelectionRejected(
      `The selection ${seconds(from)}–${seconds(to)} goes beyond the call, which lasts ${seconds(duration)}.`,
    );
  return { from, to: Math.min(to, duration) };
}

function seconds(value: number): string {
  return `${Number(value.toFixed(2))} s`;
}
