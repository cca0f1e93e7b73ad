/**
 * Corpus-level chrF (character n-grams 1..6, beta 2, whitespace removed), the usual
 * machine-translation score for morphologically rich languages. Same computation as
 * tools/translation-model/chrf.py, so training reports and tests quote comparable figures.
 * Returns 0..100.
 */
const ORDER = 6;
const BETA = 2;

function characterNgrams(text: string, n: number): Map<string, number> {
  const chars = Array.from(text.replace(/\s+/g, ''));
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function corpusChrf(hypotheses: readonly string[], references: readonly string[]): number {
  if (hypotheses.length !== references.length) {
    throw new Error(`chrF needs one reference per hypothesis (${hypotheses.length} vs ${references.length})`);
  }
  const matches = new Array<number>(ORDER).fill(0);
  const hypothesisTotals = new Array<number>(ORDER).fill(0);
  const referenceTotals = new Array<number>(ORDER).fill(0);
  hypotheses.forEach((hypothesis, index) => {
    for (let n = 1; n <= ORDER; n++) {
      const hyp = characterNgrams(hypothesis, n);
      const ref = characterNgrams(references[index]!, n);
      for (const [gram, count] of hyp) {
        matches[n - 1]! += Math.min(count, ref.get(gram) ?? 0);
        hypothesisTotals[n - 1]! += count;
      }
      for (const count of ref.values()) referenceTotals[n - 1]! += count;
    }
  });
  let precision = 0;
  let recall = 0;
  let orders = 0;
  for (let n = 0; n < ORDER; n++) {
    if (hypothesisTotals[n] === 0 || referenceTotals[n] === 0) continue;
    precision += matches[n]! / hypothesisTotals[n]!;
    recall += matches[n]! / referenceTotals[n]!;
    orders++;
  }
  if (orders === 0) return 0;
  precision /= orders;
  recall /= orders;
  if (precision + recall === 0) return 0;
  const beta2 = BETA * BETA;
  return (100 * (1 + beta2) * precision * recall) / (beta2 * precision + recall);
}
