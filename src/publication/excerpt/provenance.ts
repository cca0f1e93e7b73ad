import type { VerificationStatus } from '../../db/schema.ts';
import type { ProtectedIdentity, ProtectedKind } from '../protected-identity.ts';
import type { AudioRedactionMode, AudioRedactionSpan } from './audio-spans.ts';
import type { CoarseMetadata } from './coarse-metadata.ts';
import type { ExcerptSelection } from './selection.ts';
import type { TextRedaction } from './text-redaction.ts';

/**
 * The provenance record of an excerpt (provenance.json in the package): where it comes from, what
 * was done to it, by whom, and the hashes of the files it was exported as. It names identities by
 * id and pseudonym only; no protected form, file name, number, cell id or exact time of the call
 * is in it (the leak check reads it like every other file).
 */

export const PROVENANCE_FORMAT = 'earshot-excerpt-provenance';
export const PROVENANCE_VERSION = 1;

export interface ExportedFile {
  /** The file's name inside the package. */
  name: string;
  sha256: string;
  bytes: number;
}

export interface ProvenanceRecord {
  format: typeof PROVENANCE_FORMAT;
  version: typeof PROVENANCE_VERSION;
  source: { recordingId: string; sha256: string; collection: { id: string; name: string } };
  selection: {
    from: number;
    to: number;
    /** The audio clip's window: the selection with its margin, within the call. */
    clip: { from: number; to: number; marginSeconds: number };
    segmentIds: string[];
    requestedSegmentIds: string[] | null;
  };
  call: CoarseMetadata;
  transcript: {
    version: number;
    kind: 'machine' | 'human';
    correctedByPerson: boolean;
    correctedSegmentIds: string[];
    machineSegmentIds: string[];
  };
  models: {
    recogniser: { model: string | null; transcriptVersion: number; files: Record<string, string> } | null;
    translator: { engine: string; model: string | null; modelSha256: string | null }[];
    untranslatedSegmentIds: string[];
    staleTranslationSegmentIds: string[];
    /** Segments whose English a person wrote or corrected: no translator made it. */
    humanTranslationSegmentIds: string[];
  };
  redactions: {
    identities: { identityId: string; kind: ProtectedKind; pseudonym: string }[];
    text: { total: number; byKind: Partial<Record<ProtectedKind, number>>; ru: number; en: number };
    audio: {
      mode: AudioRedactionMode;
      marginSeconds: number;
      spans: number;
      wordTimingSpans: number;
      segmentFallbackSpans: number;
      /** Segments whose whole audio was covered: they had no word timing for a protected word. */
      segmentFallbackIds: string[];
    };
    disguisedVoices: { lane: string; identityId: string; pseudonym: string }[];
  };
  publication: {
    caseStatus: VerificationStatus;
    overriddenByAdmin: boolean;
    overrideAuditSeq: string | null;
  };
  /** userId is null for the command line's local operator. */
  exported: { by: { userId: string | null; name: string }; at: string };
  /** Filled by the writer after the files are written (addExportedFiles). */
  files: ExportedFile[];
}

export interface ProvenanceInput {
  sourceSha256: string;
  collection: { id: string; name: string };
  selection: ExcerptSelection;
  clip: { from: number; to: number; marginSeconds: number };
  metadata: CoarseMetadata;
  text: TextRedaction;
  identities: readonly ProtectedIdentity[];
  audio: { mode: AudioRedactionMode; marginSeconds: number; spans: readonly AudioRedactionSpan[] };
  publication: { caseStatus: VerificationStatus; overrideAuditSeq: string | null };
  exportedBy: { userId: string | null; name: string };
  exportedAt: Date;
}

export function buildProvenance(input: ProvenanceInput): ProvenanceRecord {
  const { selection, text, audio } = input;
  const segments = selection.segments;
  const byKind: Partial<Record<ProtectedKind, number>> = {};
  for (const r of text.redactions) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const usedIds = new Set([
    ...text.redactions.map((r) => r.identityId),
    ...audio.spans.flatMap((s) => s.identityIds),
  ]);
  for (const v of text.protectedVoices) usedIds.add(v.identityId);
  const translators = new Map<string, ProvenanceRecord['models']['translator'][number]>();
  for (const s of segments) {
    const t = s.translation;
    if (t?.status === 'translated' && t.kind === 'machine')
      translators.set(`${t.engine}\n${t.model}\n${t.modelSha256}`, pick(t));
  }
  const fallbackIds = [...new Set(audio.spans.flatMap((s) => s.fallbackSegmentIds))];
  const transcript = selection.transcript;
  return {
    format: PROVENANCE_FORMAT,
    version: PROVENANCE_VERSION,
    source: { recordingId: selection.recordingId, sha256: input.sourceSha256, collection: input.collection },
    selection: {
      from: selection.from,
      to: selection.to,
      clip: { from: input.clip.from, to: input.clip.to, marginSeconds: input.clip.marginSeconds },
      segmentIds: segments.map((s) => s.id),
      requestedSegmentIds: selection.requestedSegmentIds,
    },
    call: input.metadata,
    transcript: {
      version: transcript.version.number,
      kind: transcript.version.kind,
      correctedByPerson: segments.some((s) => s.corrected),
      correctedSegmentIds: segments.filter((s) => s.corrected).map((s) => s.id),
      machineSegmentIds: segments.filter((s) => !s.corrected).map((s) => s.id),
    },
    models: {
      recogniser: transcript.recogniser
        ? {
            model: transcript.recogniser.model,
            transcriptVersion: transcript.recogniser.version,
            files: transcript.recogniser.files,
          }
        : null,
      translator: [...translators.values()],
      untranslatedSegmentIds: segments.filter((s) => s.translation?.status !== 'translated').map((s) => s.id),
      staleTranslationSegmentIds: segments.filter((s) => s.translation?.stale).map((s) => s.id),
      humanTranslationSegmentIds: segments.filter((s) => s.translation?.kind === 'human').map((s) => s.id),
    },
    redactions: {
      identities: input.identities
        .filter((i) => usedIds.has(i.id))
        .map((i) => ({ identityId: i.id, kind: i.kind, pseudonym: i.pseudonym })),
      text: {
        total: text.redactions.length,
        byKind,
        ru: text.redactions.filter((r) => r.language === 'ru').length,
        en: text.redactions.filter((r) => r.language === 'en').length,
      },
      audio: {
        mode: audio.mode,
        marginSeconds: audio.marginSeconds,
        spans: audio.spans.length,
        wordTimingSpans: audio.spans.filter((s) => s.reason === 'word-timing').length,
        segmentFallbackSpans: audio.spans.filter((s) => s.reason === 'segment-fallback').length,
        segmentFallbackIds: fallbackIds,
      },
      disguisedVoices: text.protectedVoices.map(({ lane, identityId, pseudonym }) => ({
        lane,
        identityId,
        pseudonym,
      })),
    },
    publication: {
      caseStatus: input.publication.caseStatus,
      overriddenByAdmin: input.publication.overrideAuditSeq !== null,
      overrideAuditSeq: input.publication.overrideAuditSeq,
    },
    exported: { by: input.exportedBy, at: input.exportedAt.toISOString() },
    files: [],
  };
}

function pick(t: { engine: string; model: string | null; modelSha256: string | null }) {
  return { engine: t.engine, model: t.model, modelSha256: t.modelSha256 };
}

/**
 * The record with the package's files added (a new object: the record the plan holds stays as
 * it was). A name given twice, or a hash that is not SHA-256 hex, is refused.
 */
export function addExportedFiles(record: ProvenanceRecord, files: readonly ExportedFile[]): ProvenanceRecord {
  const all = [...record.files, ...files];
  const names = new Set<string>();
  for (const f of all) {
    if (names.has(f.name)) throw new Error(`The provenance record lists ${f.name} twice.`);
    if (!/^[0-9a-f]{64}$/.test(f.sha256))
      throw new Error(`The hash of ${f.name} is not a SHA-256 hex digest.`);
    names.add(f.name);
  }
  return { ...record, files: all.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })) };
}
