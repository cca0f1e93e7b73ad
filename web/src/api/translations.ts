import { getJson, postJson } from './http.ts';
import type { GetResponse, PostBody, PostResponse } from './openapi.ts';
import type { Segment } from './transcripts.ts';

// A segment's English: its versions and a person's correction (src/api/schemas/translations.ts).

export type SegmentTranslation = NonNullable<Segment['translation']>;
export type TranslationHistory = GetResponse<'/api/recordings/{id}/segments/{segmentId}/translations'>;
export type TranslationVersion = TranslationHistory['versions'][number];
export type TranslationCorrectionRequest = PostBody<'/api/recordings/{id}/segments/{segmentId}/translations'>;
export type TranslationCorrectionResult = PostResponse<
  '/api/recordings/{id}/segments/{segmentId}/translations',
  201
>;

const path = (recordingId: string, segmentId: string) =>
  `/api/recordings/${encodeURIComponent(recordingId)}/segments/${encodeURIComponent(segmentId)}/translations`;

export function getTranslationHistory(
  recordingId: string,
  segmentId: string,
  signal?: AbortSignal,
): Promise<TranslationHistory> {
  return getJson(path(recordingId, segmentId), signal);
}

export function postTranslationCorrection(
  recordingId: string,
  segmentId: string,
  body: TranslationCorrectionRequest,
): Promise<TranslationCorrectionResult> {
  return postJson(path(recordingId, segmentId), body);
}

/** What each failed quality check means, in the words the desk shows. */
export const QUALITY_ISSUE_TEXT: Record<SegmentTranslation['quality']['issues'][number], string> = {
  empty: 'the English is empty',
  'not-english': 'the English is mostly Cyrillic',
  length: 'far longer or shorter than the Russian',
  repetition: 'words repeat over and over',
  numbers: 'a number the Russian does not say',
  names: 'a person or place the Russian names is missing',
};
