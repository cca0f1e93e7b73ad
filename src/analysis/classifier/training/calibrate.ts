/**
 * Platt scaling: p = 1 / (1 + exp(-(a * score + b))) fitted to out-of-fold scores by Newton's
 * method with Platt's smoothed targets (Lin, Lin & Weng 2007), so a model's raw scores become
 * probabilities that mean what they say on text it was not trained on.
 */
export function fitPlatt(scores: readonly number[], positives: readonly boolean[]): { a: number; b: number } {
  const nPos = positives.filter(Boolean).length;
  const nNeg = positives.length - nPos;
  if (nPos === 0 || nNeg === 0) return { a: 1, b: 0 };
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  const targets = positives.map((p) => (p ? hi : lo));
  let a = 1;
  let b = Math.log((nNeg + 1) / (nPos + 1)) * -1;
  for (let iteration = 0; iteration < 100; iteration++) {
    let g1 = 0;
    let g2 = 0;
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    scores.forEach((s, i) => {
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      const d = p - targets[i]!;
      const w = Math.max(p * (1 - p), 1e-12);
      g1 += s * d;
      g2 += d;
      h11 += s * s * w;
      h22 += w;
      h21 += s * w;
    });
    const det = h11 * h22 - h21 * h21;
    if (Math.abs(det) < 1e-18) break;
    const da = (h22 * g1 - h21 * g2) / det;
    const db = (h11 * g2 - h21 * g1) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
