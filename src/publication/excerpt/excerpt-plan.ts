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
import { assertMayPublish, type PublishOverride } from './publish-policy.ts';
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
  audio?: { mode?: AudioRedactionMode; marginSeconds?: number };
  override?: PublishOverride;
  /** The client's address, for the audit entry of an override. */
  address?: string | null;
  now?: Date;
}

export interface ExcerptPlan {
  recordingId: string;
  /** Seconds of the call the clip covers. */
  from: number;
  to: number;
  segments: RedactedSegment[];
  redactions: AppliedRedaction[];
  audio: {
    /** In seconds of the call (subtract `from` for the clip); every channel is covered. */
    spans: AudioRedactionSpan[];
    protectedVoices: TextRedaction['protectedVoices'];
    /** Some protected word had no word timing: its whole segment is covered. */
    usedSegmentFallback: boolean;
  };
  metadata: CoarseMetadata;
  provenance: ProvenanceRecord;
}

export async function buildExcerptPlan(db: Db, request: ExcerptPlanRequest): Promise<ExcerptPlan> {
  const { call, principal, matcher } = request;
  const decision = await assertMayPublish(db, principal, call, {
    override: request.override,
    address: request.address,
  });
  const selection = await resolveSelection(db, call, request.selection);
  const text = redactSegments(selection.segments, matcher, call.id);
  const mode = request.audio?.mode ?? 'tone';
  const marginSeconds = request.audio?.marginSeconds ?? DEFAULT_MARGIN_SECONDS;
  const spans = audioRedactionSpans(selection.segments, text.ruMentions, {
    mode,
    marginSeconds,
    range: { from: selection.from, to: selection.to },
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
    metadata,
    text,
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
    segments: text.segments,
    redactions: text.redactions,
    audio: {
      spans,
      protectedVoices: text.protectedVoices,
      usedSegmentFallback: spans.some((s) => s.reason === 'segment-fallback'),
    },
    metadata,
    provenance,
  };
}
