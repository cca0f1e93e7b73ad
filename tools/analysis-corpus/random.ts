/**
 * The corpus generator's only source of chance: a small seeded generator (mulberry32), seeded per
 * template from a hash of its name, so adding a template in one place leaves every other
 * template's variants byte-identical.
 */

import type { Random } from '../../src/analysis/seeded-random.ts';

export { hashSeed, seededRandom, type Random } from '../../src/analysis/seeded-random.ts';

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}
