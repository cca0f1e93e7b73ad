import type { DeskExcerpt } from '../../publication/excerpt/desk-excerpts.ts';
import type { ExcerptPreview } from '../../publication/excerpt/excerpt-preview.ts';
import { STATUS_LABELS } from '../../verification/workflow.ts';
import type { ExcerptExportResponse, ExcerptPreviewResponse } from '../schemas/excerpts.ts';

/** The plan as a person checks it: texts, marks, identities by pseudonym only, spans, policy. */
export function presentExcerptPreview(preview: ExcerptPreview): ExcerptPreviewResponse {
  const { plan, policy } = preview;
  const pseudonymOf = new Map(plan.provenance.redactions.identities.map((i) => [i.identityId, i]));
  const mentions = new Map<string, number>();
  for (const r of plan.redactions) mentions.set(r.identityId, (mentions.get(r.identityId) ?? 0) + 1);
  return {
    id: preview.id,
    recordingId: plan.recordingId,
    from: plan.from,
    to: plan.to,
    clip: preview.clip,
    protectedAdded: preview.protectedAdded,
    audioUrl: `/api/recordings/${plan.recordingId}/excerpt-previews/${preview.id}/audio`,
    policy: {
      caseStatus: policy.status,
      caseStatusLabel: STATUS_LABELS[policy.status],
      verified: policy.verified,
      overrideNeeded: policy.overrideNeeded,
    },
    metadata: plan.metadata,
    segments: plan.segments.map((s) => ({
      id: s.id,
      speaker: s.speaker,
      lane: s.lane,
      start: s.start,
      end: s.end,
      ru: s.ru,
      en: s.en,
      enStale: s.enStale,
      corrected: s.corrected,
      hasWordTimings: s.hasWordTimings,
      redactions: plan.redactions
        .filter((r) => r.segmentId === s.id)
        .map((r) => ({
          language: r.language,
          start: r.start,
          end: r.end,
          pseudonym: r.pseudonym,
          kind: r.kind,
        })),
    })),
    identities: [...mentions.keys()].flatMap((id) => {
      const identity = pseudonymOf.get(id);
      return identity
        ? [{ id, kind: identity.kind, pseudonym: identity.pseudonym, mentions: mentions.get(id) ?? 0 }]
        : [];
    }),
    audio: {
      spans: plan.audio.spans.map((s) => ({
        start: s.start,
        end: s.end,
        mode: s.mode,
        reason: s.reason,
        pseudonyms: s.identityIds.map((id) => pseudonymOf.get(id)?.pseudonym ?? 'withheld'),
        fallbackSegmentIds: s.fallbackSegmentIds,
      })),
      usedSegmentFallback: plan.audio.usedSegmentFallback,
      disguisedVoices: plan.audio.protectedVoices.map((v) => ({ lane: v.lane, pseudonym: v.pseudonym })),
    },
  };
}

export function presentExcerptExport(record: DeskExcerpt): ExcerptExportResponse {
  return {
    id: record.id,
    createdAt: record.createdAt,
    recordingId: record.recordingId,
    from: record.from,
    to: record.to,
    files: record.files,
    zipBytes: record.zipBytes,
    redactions: record.redactions,
    usedSegmentFallback: record.usedSegmentFallback,
    protectedAdded: record.protectedAdded,
    downloadUrl: `/api/exports/excerpts/${record.id}/download`,
  };
}
