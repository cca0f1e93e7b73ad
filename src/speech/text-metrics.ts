/**
 * Normalises text the way the Russian CTC models write it: lowercase а–я, ё as е, no punctuation
 * or digits, single spaces. Used to score transcripts against references.
 */
export function normaliseRussianForScoring(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/[^а-я ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Character error rate of a hypothesis against a reference, after normalisation. */
export function characterErrorRate(
  reference: string,
  hypothesis: string,
): { errors: number; length: number } {
  const ref = normaliseRussianForScoring(reference);
  const hyp = normaliseRussianForScoring(hypothesis);
  return { errors: editDistance(ref, hyp), length: Array.from(ref).length };
}
