// How two raw Chromaprint fingerprints line up: the offset at which their 32-bit items differ in
// the fewest bits (popcount of XOR), and how long they overlap there. Items of unrelated audio
// differ in about half their bits (bit-error rate ≈ 0.5); the same audio re-encoded, trimmed or
// mixed differs in far fewer. The thresholds are measured on the demo corpus: docs/near-duplicates.md.

/** Fewest overlapping items worth scoring (≈ 8 s): shorter overlaps match unrelated audio by chance. */
export const MIN_OVERLAP_ITEMS = 64;

/** A lead is proposed at or above this similarity (1 − 2·BER); measured, see docs/near-duplicates.md. */
export const MATCH_SCORE = 0.6;

/** Index terms: the item's top bits (the first classifiers), so one flipped low bit still hits. */
export const TERM_SHIFT = 12;

export interface Alignment {
  /** b's item j lines up with a's item j + offsetItems (negative: b starts before a). */
  offsetItems: number;
  overlapItems: number;
  /** Mean share of differing bits over the overlap, 0..1 (≈ 0.5 for unrelated audio). */
  bitErrorRate: number;
  /** 1 − 2·BER, clamped to 0..1: 0 for unrelated audio, 1 for identical items. */
  score: number;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The item Chromaprint 1.5.1 gives digital silence (and, within a few bits, the frames fading
 * into it). Two calls are silent in the same way, so positions where both are silent say nothing
 * and are left out of the comparison; a call side that is silent while the other talks is the
 * commonest stretch of a two-channel call.
 */
export const SILENCE_ITEM = 0x256df977;
export const SILENCE_MAX_BITS = 6;

export function isSilent(item: number): boolean {
  return popcount((item ^ SILENCE_ITEM) >>> 0) <= SILENCE_MAX_BITS;
}

/** Bit-error rate of b against a at one offset, or undefined when they overlap too little. */
export function alignAt(a: Uint32Array, b: Uint32Array, offset: number): Alignment | undefined {
  const start = Math.max(0, -offset);
  const end = Math.min(b.length, a.length - offset);
  if (end - start < MIN_OVERLAP_ITEMS) return undefined;
  let bits = 0;
  let compared = 0;
  for (let j = start; j < end; j++) {
    const x = a[j + offset]!;
    const y = b[j]!;
    if (isSilent(x) && isSilent(y)) continue;
    bits += popcount((x ^ y) >>> 0);
    compared++;
  }
  if (compared < MIN_OVERLAP_ITEMS) return undefined;
  const bitErrorRate = bits / (32 * compared);
  return { offsetItems: offset, overlapItems: end - start, bitErrorRate, score: scoreOf(bitErrorRate) };
}

function scoreOf(bitErrorRate: number): number {
  return Math.max(0, Math.min(1, 1 - 2 * bitErrorRate));
}

/** How many of the most-voted offsets are scored, each with its neighbours (±OFFSET_SLACK items). */
const OFFSETS_TRIED = 8;
const OFFSET_SLACK = 2;

/**
 * The best alignment of b against a. Offsets are proposed the way AcoustID does it: every term
 * the two share votes for the offset between its positions; the most-voted offsets (and their
 * neighbours, for an offset that falls between items) are then scored over the whole overlap.
 * Linear in the fingerprints' length, so hour-long calls cost no more than their decoding.
 * Undefined when no offset overlaps by MIN_OVERLAP_ITEMS.
 */
export function bestAlignment(a: Uint32Array, b: Uint32Array): Alignment | undefined {
  const positions = new Map<number, number[]>();
  a.forEach((item, i) => {
    if (isSilent(item)) return;
    const term = item >>> TERM_SHIFT;
    const list = positions.get(term);
    if (list) list.push(i);
    else positions.set(term, [i]);
  });
  const votes = new Map<number, number>();
  b.forEach((item, j) => {
    if (isSilent(item)) return;
    for (const i of positions.get(item >>> TERM_SHIFT) ?? []) votes.set(i - j, (votes.get(i - j) ?? 0) + 1);
  });
  const top = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, OFFSETS_TRIED);
  const tried = new Set<number>();
  let best: Alignment | undefined;
  for (const [offset] of top) {
    for (let d = -OFFSET_SLACK; d <= OFFSET_SLACK; d++) {
      if (tried.has(offset + d)) continue;
      tried.add(offset + d);
      const candidate = alignAt(a, b, offset + d);
      if (candidate && (!best || candidate.score > best.score)) best = candidate;
    }
  }
  return best;
}

/**
 * The index terms of a fingerprint: each item's top bits, once per distinct term (a term repeated
 * through a stationary stretch says nothing more). Stored as int4 for Postgres.
 */
export function indexTerms(items: Uint32Array): number[] {
  const terms = new Set<number>();
  for (const item of items) if (!isSilent(item)) terms.add(item >>> TERM_SHIFT);
  return [...terms];
}
