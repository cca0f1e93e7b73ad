import { CATEGORIES, isCategory } from '../types.ts';
import { normaliseWord, tokenise } from '../matching/normalise.ts';
import { lexiconFileSchema } from './lexicon-data.ts';

/** One problem in the lexicon data, named so a reviewer can find and fix it. */
export interface LexiconProblem {
  entryId?: string;
  message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates lexicon data: shape, unique ids, known categories, a gloss and a source for every
 * entry, variants that normalise to words and are not claimed by two entries.
 */
export function checkLexicon(json: unknown): LexiconProblem[] {
  const parsed = lexiconFileSchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      message: `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    }));
  }
  const problems: LexiconProblem[] = [];
  const ids = new Set<string>();
  const phraseOwners = new Map<string, string>();
  for (const entry of parsed.data.entries) {
    const problem = (message: string): void => {
      problems.push({ entryId: entry.id, message: `${entry.id}: ${message}` });
    };
    if (!ID.test(entry.id)) problem('id must be lower-case ASCII words joined by hyphens');
    if (ids.has(entry.id)) problem('duplicate id');
    ids.add(entry.id);
    if (!isCategory(entry.category)) {
      problem(`unknown category "${entry.category}" (known: ${CATEGORIES.join(', ')})`);
    }
    if (entry.gloss.trim() === '') problem('missing English gloss');
    if (entry.source.length === 0) problem('missing source');
    for (const source of entry.source) {
      if (!/^https?:\/\/\S+$/.test(source)) problem(`source is not a web address: "${source}"`);
    }
    if (entry.term.trim() === '') problem('missing headword');
    if (entry.lemmas.length + entry.variants.length === 0 && entry.numberCode === undefined) {
      problem('nothing to match: no lemmas, variants or number code');
    }
    for (const rule of entry.recategorise ?? []) {
      if (!isCategory(rule.category)) problem(`recategorise: unknown category "${rule.category}"`);
      if (rule.near.length === 0) problem('recategorise: no words given');
    }
    const { ambiguous, confirmedBy } = entry.context ?? { ambiguous: false };
    if (confirmedBy && !ambiguous) problem('context.confirmedBy is only used for ambiguous entries');
    for (const phrase of [...entry.lemmas, ...entry.variants]) {
      const words = tokenise(phrase.replaceAll('#', '0'));
      // Stems keep their star, so «мародер*» and «мародёр» are different patterns.
      const key = phrase
        .trim()
        .split(/\s+/)
        .map((piece) =>
          piece.endsWith('*') || piece === '#'
            ? normaliseWord(piece)
            : tokenise(piece)
                .map((w) => w.norm)
                .join(' '),
        )
        .join(' ');
      if (words.length === 0 || phrase.trim() === '#') {
        problem(`variant "${phrase}" has no words after normalisation`);
        continue;
      }
      if (words.some((w) => w.censored)) {
        problem(`variant "${phrase}" is censored; write the full word (censored text is matched against it)`);
      }
      const owner = phraseOwners.get(key);
      if (owner !== undefined && owner !== entry.id) problem(`variant "${phrase}" also belongs to ${owner}`);
      else if (owner === entry.id) problem(`variant "${phrase}" is listed twice`);
      phraseOwners.set(key, entry.id);
    }
  }
  return problems;
}
