/**
 * Platt scaling: p = 1 / (1 + exp(-(a * score + b))) fitted to out-of-fold scores by Newton's
 * method with backtracking line search and Platt's smoothed targets (Lin, Lin & Weng 2007, "A note
 * on Platt's probabilistic outputs"), so a model's raw scores become probabilities that mean what
 * they say on text it was not trained on.
 */

/** Negative log-likelihood of the targets under p = sigmoid(a * s + b), computed stably. */
function loss(scores: readonly number[], targets: readonly number[], a: number, b: number): number {
  let total = 0;
  scores.forEach((s, i) => {
    const f = a * s + b;
    const t = targets[i]!;
    // log(1 + e^-f) and log(1 + e^f) without overflow.
    total +=
      f >= 0
        ? t * Math.log1p(Math.exp(-f)) + (1 - t) * (f + Math.log1p(Math.exp(-f)))
        : t * (-f + Math.log1p(Math.exp(f))) + (1 - t) * Math.log1p(Math.exp(f));
  });
  return total;
}

export function fitPlatt(scores: readonly number[], positives: readonly boolean[]): { a: number; b: number } {
  const nPos = positives.filter(Boolean).length;
  const nNeg = positives.length - nPos;
  if (nPos === 0 || nNeg === 0) return { a: 1, b: 0 };
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  const targets = positives.map((p) => (p ? hi : lo));
  let a = 1;
  let b = Math.log((nPos + 1) / (nNeg + 1));
  let current = loss(scores, targets, a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let g1 = 0;
    let g2 = 0;
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    scores.forEach((s, i) => {
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      const d = p - targets[i]!;
      const w = p * (1 - p);
      g1 += s * d;
      g2 += d;
      h11 += s * s * w;
      h22 += w;
      h21 += s * w;
    });
    if (Math.abs(g1) < 1e-6 && Math.abs(g2) < 1e-6) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    const slope = g1 * da + g2 * db;
    let step = 1;
    while (step >= 1e-10) {
      const next = loss(scores, targets, a + step * da, b + step * db);
      if (next < current + 1e-4 * step * slope) {
        a += step * da;
        b += step * db;
        current = next;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}
