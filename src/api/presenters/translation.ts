import type { SegmentTranslationHistory } from '../../translation/translation-versions.ts';
import type { z } from 'zod';
import type { translationHistoryResponseSchema } from '../schemas/translations.ts';
import { iso } from './dates.ts';

export function presentTranslationHistory(
  history: SegmentTranslationHistory,
): z.infer<typeof translationHistoryResponseSchema> {
  return {
    versions: history.versions.map((v) => ({ ...v, createdAt: iso(v.createdAt) })),
    currentTranslationId: history.currentTranslationId,
    newerMachineTranslationId: history.newerMachineTranslationId,
  };
}
