/**
 * The one seeded source of chance for training, evaluation and the training corpus: mulberry32,
 * seeded by a number or by an FNV-1a hash of a text, so the same input always gives the same
 * shuffles, variants and injected errors (models and corpora are reproducible byte for byte).
 */

export type Random = () => number;

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit seed. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator, enough for shuffling and sampling. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
