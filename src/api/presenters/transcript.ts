import type { TranscriptSegment } from '../../db/schema.ts';
import type { DiffSegment } from '../../transcripts/transcript-diff.ts';
import {
  segmentTranslationOf,
  type SegmentTranslationView,
  type TranscriptVersion,
} from '../../transcripts/transcript-store.ts';
import type { TranscriptSegmentResponse, TranscriptVersionResponse } from '../schemas/transcripts.ts';
import { iso } from './dates.ts';
import { storedTranslationQuality, type TranslationQuality } from '../../translation/translation-quality.ts';

export function presentTranscriptVersion(t: TranscriptVersion): TranscriptVersionResponse {
  return {
    id: t.id,
    version: t.version,
    kind: t.kind,
    basedOnVersion: t.based_on_version,
    createdBy: t.created_by,
    createdAt: iso(t.created_at),
    model: t.model,
    modelFiles: t.model_files,
    decoding: t.decoding,
    language: t.language,
    isCurrent: t.is_current,
  };
}

export function presentTranscriptSegment(
  s: TranscriptSegment,
  translation: SegmentTranslationView | undefined,
): TranscriptSegmentResponse {
  return {
    id: String(s.id),
    position: s.position,
    channel: s.channel,
    lane: s.lane,
    speaker: s.speaker,
    start: s.start_seconds,
    end: s.end_seconds,
    text: s.text,
    language: s.language,
    confidence: s.confidence,
    words: s.words,
    sourceSegmentId: s.source_segment_id === null ? null : String(s.source_segment_id),
    translation: translation
      ? { ...segmentTranslationOf(translation), quality: qualityOf(s.text, translation) }
      : null,
  };
}

// A person's English is not estimated; nor is a row that carries no English on purpose.
const NOT_ESTIMATED: TranslationQuality = { doubtful: false, issues: [] };

function qualityOf(russian: string, translation: SegmentTranslationView): TranslationQuality {
  if (translation.kind === 'human' || translation.status !== 'translated') return NOT_ESTIMATED;
  return storedTranslationQuality(translation.translationId, russian, translation.text);
}

export function toDiffSegment(s: TranscriptSegment): DiffSegment {
  return {
    id: String(s.id),
    position: s.position,
    channel: s.channel,
    lane: s.lane,
    speaker: s.speaker,
    start: s.start_seconds,
    end: s.end_seconds,
    text: s.text,
  };
}
