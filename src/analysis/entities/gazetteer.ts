import { readGazetteer, type GazetteerEntry } from './gazetteer-data.ts';
import { normaliseWord } from './tokens.ts';

/**
 * In-memory index of the committed gazetteer: one Map from a normalised name (lower case, ё→е)
 * to the places bearing it, most populous first, so a lookup is a single Map access. Names of
 * several words («часов яр», «великая новоселка») are also listed under their first word so the
 * matcher knows when to look further.
 */
export interface GazetteerIndex {
  byName: ReadonlyMap<string, readonly GazetteerEntry[]>;
  /** First words of multi-word names → the word counts that occur. */
  multiWordStarts: ReadonlyMap<string, ReadonlySet<number>>;
  /** Oblast adjective stems («донецк» of «донецкая область»). */
  byAdjectiveStem: ReadonlyMap<string, GazetteerEntry>;
  /** Region noun stems («донетчин» of «на донетчине»), longest first. */
  regionNounStems: ReadonlyArray<readonly [string, GazetteerEntry]>;
}

let index: GazetteerIndex | undefined;

function rank(entry: GazetteerEntry): number {
  // Regions and countries outrank a village that shares their name (Крым the peninsula, not a
  // hamlet); otherwise the most populous place wins («Авдеевка» = the Donetsk one).
  if (entry.place.id.startsWith('iso:') || entry.regionNounStems.length > 0) return Number.MAX_SAFE_INTEGER;
  return entry.place.population ?? 0;
}

export function buildIndex(entries: readonly GazetteerEntry[]): GazetteerIndex {
  const byName = new Map<string, GazetteerEntry[]>();
  const multiWordStarts = new Map<string, Set<number>>();
  const byAdjectiveStem = new Map<string, GazetteerEntry>();
  const regionNounStems: Array<[string, GazetteerEntry]> = [];
  for (const entry of entries) {
    const names = new Set([entry.place.nameRu, entry.place.nameUk ?? '', ...entry.forms].map(normaliseWord));
    names.delete('');
    for (const name of names) {
      const list = byName.get(name) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byName.set(name, list);
      const words = name.split(' ');
      if (words.length > 1) {
        const counts = multiWordStarts.get(words[0]!) ?? new Set<number>();
        counts.add(words.length);
        multiWordStarts.set(words[0]!, counts);
      }
    }
    if (entry.adjectiveStem) byAdjectiveStem.set(entry.adjectiveStem, entry);
    for (const stem of entry.regionNounStems) regionNounStems.push([stem, entry]);
  }
  for (const list of byName.values()) list.sort((a, b) => rank(b) - rank(a));
  regionNounStems.sort((a, b) => b[0].length - a[0].length);
  return { byName, multiWordStarts, byAdjectiveStem, regionNounStems };
}

export function gazetteer(): GazetteerIndex {
  index ??= buildIndex(readGazetteer());
  return index;
}
