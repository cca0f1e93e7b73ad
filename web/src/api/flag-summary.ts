/** One category's flags in a call: lexicon matches, and segments only the classifier flags. */
export interface CategoryFlags {
  category: string;
  /** From words: the lexicon's confident matches. */
  words: number;
  /** From meaning: segments the classifier flags (confidence >= 0.9) where no lexicon word does. */
  meaning: number;
}

/**
 * The call's flags per category from both sources, most flags first, so a summary counts what
 * the words say and what the meaning adds side by side.
 */
export function flagSummary(
  counts: Record<string, number>,
  meaningCounts: Record<string, number>,
): CategoryFlags[] {
  const categories = new Set([...Object.keys(counts), ...Object.keys(meaningCounts)]);
  return [...categories]
    .map((category) => ({ category, words: counts[category] ?? 0, meaning: meaningCounts[category] ?? 0 }))
    .filter((f) => f.words > 0 || f.meaning > 0)
    .sort((a, b) => b.words + b.meaning - (a.words + a.meaning) || (a.category < b.category ? -1 : 1));
}
