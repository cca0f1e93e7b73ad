import type { Entity } from './types.ts';
import { extractCallSigns } from './call-signs.ts';
import { extractPersonGroups, extractPersons, extractPublicFigures } from './persons.ts';
import { extractPhones } from './phones.ts';
import { extractPlaces } from './places.ts';
import { numberGroups } from './spoken-numbers.ts';
import { tokenise, type Token } from './tokens.ts';
import { extractUnits } from './units.ts';

/**
 * All entities of one text, in text order, without overlaps. Kinds run from the most specific
 * evidence to the least: numbers (units, phones) first, then call signs, then names of several
 * parts («Колю Петрова») and public figures («Суровикина»), then places, then single names; each later pass skips the tokens an earlier one claimed, so «позывной
 * Вагнер» is a call sign and not a person, and «под Бахмутом» never becomes a surname.
 */
export function extractEntities(text: string): Entity[] {
  const tokens = tokenise(text);
  if (tokens.length === 0) return [];
  const groups = numberGroups(tokens);
  const taken = new Set<number>();
  const entities: Entity[] = [];
  const claim = (found: readonly Entity[]): void => {
    for (const entity of found) {
      const covered = tokensWithin(tokens, entity);
      if (covered.some((index) => taken.has(index))) continue;
      for (const index of covered) taken.add(index);
      entities.push(entity);
    }
  };
  claim(extractUnits(text, tokens, groups));
  claim(extractPhones(text, tokens, groups));
  claim(extractCallSigns(text, tokens, taken));
  claim(extractPersonGroups(text, tokens, taken));
  claim(extractPublicFigures(text, tokens, taken));
  claim(extractPlaces(text, tokens, taken));
  claim(extractPersons(text, tokens, taken));
  return entities.sort((a, b) => a.start - b.start);
}

/** Indices of the tokens an entity covers; binary search, as long texts carry many entities. */
function tokensWithin(tokens: readonly Token[], entity: Entity): number[] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end <= entity.start) low = middle + 1;
    else high = middle;
  }
  const covered: number[] = [];
  for (let i = low; i < tokens.length && tokens[i]!.start < entity.end; i++) covered.push(i);
  return covered;
}
