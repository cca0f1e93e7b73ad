import type { Lexicon } from '../../analysis/lexicon/lexicon-data.ts';
import type { LexiconResponse } from '../schemas/lexicon.ts';

export function presentLexicon(lexicon: Lexicon): LexiconResponse {
  const entries = lexicon.entries.map((e) => ({
    id: e.id,
    term: e.term,
    lemmas: e.lemmas,
    variants: e.variants,
    category: e.category,
    gloss: e.gloss,
    numberCode: e.numberCode ?? null,
    ambiguous: e.context?.ambiguous ?? false,
    ambiguity: e.ambiguity ?? null,
    source: e.source,
  }));
  entries.sort((a, b) => a.category.localeCompare(b.category) || a.term.localeCompare(b.term, 'ru'));
  return { version: lexicon.version, entries };
}
