import type { Actor } from '../../accounts/principal.ts';
import type { Db } from '../../db/database.ts';
import {
  audioRedactionSpans,
  DEFAULT_MARGIN_SECONDS,
  type AudioRedactionMode,
  type AudioRedactionSpan,
} from './audio-spans.ts';
import { coarsenMetadata, type CallMetadataSource, type CoarseMetadata } from './coarse-metadata.ts';
import { buildProvenance, type ProvenanceRecord } from './provenance.ts';
import { assertMayPublish, type PublishDecision, type PublishOverride } from './publish-policy.ts';
import { resolveSelection, type SelectionRequest } from './selection.ts';
import {
  redactSegments,
  type AppliedRedaction,
  type ExcerptMatcher,
  type RedactedSegment,
  type TextRedaction,
} from './text-redaction.ts';

/**
 * The plan of an excerpt: everything the writers (audio clip, captions, DOCX, provenance) need,
 * decided once. The policy is checked first, then the selection against the current transcript,
 * then the text and audio redactions and the coarse metadata. The plan holds no protected form
 * except inside `audio` (times only) and nothing of the call's exact metadata.
 */

export interface ExcerptCall extends CallMetadataSource {
  id: string;
  sha256: string;
  collection_id: string;
  collection_name: string;
  duration_seconds: number | null;
}

export interface ExcerptPlanRequest {
  principal: Actor;
  call: ExcerptCall;
  selection: SelectionRequest;
  matcher: ExcerptMatcher;
  /**
   * marginSeconds: around each protected word (default 0.15 s); clipMarginSeconds: the clip's
   * margin around the selection (default 0.5 s, clamped to the call).
   */
  audio?: { mode?: AudioRedactionMode; marginSeconds?: number; clipMarginSeconds?: number };
  override?: PublishOverride;
  /** The client's address, for the audit entry of an override. */
  address?: string | null;
  now?: Date;
}

export interface ExcerptPlan {
  recordingId: string;
  /** Seconds of the call the selection covers (the captions and the DOCX carry its segments). */
  from: number;
  to: number;
  /** Seconds of the call the audio clip covers: the selection with its margin, within the call. */
  clip: ClipWindow;
  segments: RedactedSegment[];
  redactions: AppliedRedaction[];
  audio: {
    /** In seconds of the call (subtract `clip.from` for the clip), over the whole clip window; every channel is covered. */
    spans: AudioRedactionSpan[];
    protectedVoices: TextRedaction['protectedVoices'];
    /** Some protected word had no word timing: its whole segment is covered. */
    usedSegmentFallback: boolean;
  };
  metadata: CoarseMetadata;
  provenance: ProvenanceRecord;
}

export interface ClipWindow {
  from: number;
  to: number;
  marginSeconds: number;
}

/** The clip's margin around the selection when none is asked for (issue 14: "with margins"). */
export const DEFAULT_CLIP_MARGIN_SECONDS = 0.5;

export async function buildExcerptPlan(db: Db, request: ExcerptPlanRequest): Promise<ExcerptPlan> {
  const decision = await assertMayPublish(db, request.principal, request.call, {
    override: request.override,
    address: request.address,
  });
  return planExcerpt(db, request, decision);
}

/**
 * The plan once the policy has decided (buildExcerptPlan for an export; the desk's preview
 * decides with previewPolicy, which records no override because nothing leaves).
 */
export async function planExcerpt(
  db: Db,
  request: Omit<ExcerptPlanRequest, 'override' | 'address'>,
  decision: PublishDecision,
): Promise<ExcerptPlan> {
  const { call, principal, matcher } = request;
  const selection = await resolveSelection(db, call, request.selection);
  const text = redactSegments(selection.segments, matcher, call.id);
  const mode = request.audio?.mode ?? 'tone';
  const marginSeconds = request.audio?.marginSeconds ?? DEFAULT_MARGIN_SECONDS;
  const clip = clipWindow(selection, call, request.audio?.clipMarginSeconds ?? DEFAULT_CLIP_MARGIN_SECONDS);
  // The clip carries the margin's speech too: the spans are found in every segment it reaches,
  // not only in the selected ones, so a name said just outside the selection is covered.
  const heard = selection.transcript.segments.filter((s) => s.start < clip.to && s.end > clip.from);
  const audioText =
    heard.length === selection.segments.length ? text : redactSegments(heard, matcher, call.id);
  const spans = audioRedactionSpans(heard, audioText.ruMentions, {
    mode,
    marginSeconds,
    range: { from: clip.from, to: clip.to },
  });
  const metadata = coarsenMetadata(call, matcher);
  const provenance = buildProvenance({
    sourceSha256: call.sha256,
    // A collection named after a person or place of its register would name them: withheld.
    collection: {
      id: call.collection_id,
      name: matcher.findMentions(call.collection_name).length > 0 ? 'withheld' : call.collection_name,
    },
    selection,
    clip,
    metadata,
    text: { ...text, protectedVoices: audioText.protectedVoices },
    identities: matcher.identities,
    audio: { mode, marginSeconds, spans },
    publication: { caseStatus: decision.status, overrideAuditSeq: decision.override?.auditSeq ?? null },
    exportedBy: { userId: principal.userId, name: principal.name },
    exportedAt: request.now ?? new Date(),
  });
  return {
    recordingId: call.id,
    from: selection.from,
    to: selection.to,
    clip,
    segments: text.segments,
    redactions: text.redactions,
    audio: {
      spans,
      protectedVoices: audioText.protectedVoices,
      usedSegmentFallback: spans.some((s) => s.reason === 'segment-fallback'),
    },
    metadata,
    provenance,
  };
}

/** The selection widened by the margin on each side, clamped to the call's start and end. */
function clipWindow(
  selection: { from: number; to: number },
  call: ExcerptCall,
  marginSeconds: number,
): ClipWindow {
  if (!Number.isFinite(marginSeconds) || marginSeconds < 0)
    throw new RangeError(`The clip's margin must be a number of seconds ≥ 0, not ${marginSeconds}.`);
  const end =
    call.duration_seconds !== null && call.duration_seconds > 0 ? call.duration_seconds : selection.to;
  return {
    from: Math.max(0, selection.from - marginSeconds),
    to: Math.min(Math.max(end, selection.to), selection.to + marginSeconds),
    marginSeconds,
  };
}
