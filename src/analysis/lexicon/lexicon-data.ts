import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Category } from '../types.ts';
import { checkLexicon, type LexiconProblem } from './check-lexicon.ts';

/**
 * The lexicon is reviewable data (lexicon.json beside this file): one entry per concept. This
 * module reads it, checks it and fingerprints it; the matcher compiles it (matching/phrase-index.ts).
 */

export const LEXICON_FILE = fileURLToPath(new URL('./lexicon.json', import.meta.url));
/** The Ukrainian entries, in a file of their own (ids start with `uk-`); matched with Ukrainian morphology. */
export const UKRAINIAN_LEXICON_FILE = fileURLToPath(new URL('./lexicon-uk.json', import.meta.url));
/** Every bundled lexicon file, Russian first. */
export const LEXICON_FILES = [LEXICON_FILE, UKRAINIAN_LEXICON_FILE] as const;

export const lexiconEntrySchema = z.object({
  id: z.string().describe('stable id, ASCII transliteration of the headword'),
  term: z.string().describe('headword as a journalist would look it up'),
  category: z.string().describe('one of CATEGORIES'),
  gloss: z.string().describe('English gloss'),
  lemmas: z.array(z.string()).describe('dictionary forms; every inflection matches through morphology'),
  variants: z
    .array(z.string())
    .describe(
      'other spellings, phrases and ASR forms; a trailing * on a word matches any ending; # is any number',
    ),
  numberCode: z
    .number()
    .int()
    .optional()
    .describe('the code number standing for this concept (200 = killed)'),
  exactForms: z
    .boolean()
    .optional()
    .describe(
      'match only the forms written, not every inflection (for words whose other forms mean something else)',
    ),
  countable: z.boolean().optional().describe('a number before it is a casualty count («пять двухсотых»)'),
  context: z
    .object({
      ambiguous: z.boolean().describe('has an ordinary meaning too: low confidence unless context confirms'),
      confirmedBy: z.array(z.string()).optional().describe('words nearby that confirm the slang meaning'),
    })
    .optional(),
  recategorise: z
    .array(
      z.object({
        category: z.string().describe('the category to use instead'),
        near: z.array(z.string()).describe('words nearby that name the victims or object'),
      }),
    )
    .optional()
    .describe('the category depends on whom it is done to («расстреляли» civilians → violence)'),
  ambiguity: z.string().optional().describe('notes for reviewers: other meanings, caveats'),
  source: z.array(z.string()).describe('pages where the term is defined or attested'),
});
export type RawLexiconEntry = z.infer<typeof lexiconEntrySchema>;
export type LexiconLanguage = 'ru' | 'uk';
export type LexiconEntry = Omit<RawLexiconEntry, 'category'> & {
  category: Category;
  /** Which morphology matches it (set from its file's `language`); absent means Russian. */
  language?: LexiconLanguage;
};

export const lexiconFileSchema = z.object({
  $comment: z.string().optional(),
  language: z
    .enum(['ru', 'uk'])
    .optional()
    .describe('the language of every entry in the file (default ru): it picks the morphology'),
  entries: z.array(lexiconEntrySchema),
});

export interface Lexicon {
  entries: LexiconEntry[];
  /** sha256 of the data file, first 12 hex digits: recorded with every analysis run. */
  version: string;
}

export class LexiconError extends Error {
  constructor(
    message: string,
    readonly problems: LexiconProblem[],
  ) {
    super(message);
  }
}

/** Parses and checks lexicon JSON text; throws LexiconError naming every problem. */
export function parseLexicon(text: string): Lexicon {
  const version = createHash('sha256').update(text).digest('hex').slice(0, 12);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LexiconError(`lexicon is not valid JSON: ${(error as Error).message}`, []);
  }
  const problems = checkLexicon(json);
  if (problems.length > 0) {
    throw new LexiconError(
      `lexicon has ${problems.length} problem(s): ${problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('; ')}`,
      problems,
    );
  }
  const file = lexiconFileSchema.parse(json);
  const language = file.language ?? 'ru';
  return { entries: file.entries.map((e) => ({ ...(e as LexiconEntry), language })), version };
}

let bundled: Lexicon | undefined;

/**
 * The lexicon committed in the repository, Russian and Ukrainian entries together, read once.
 * Its version fingerprints both files, so a change to either is a new lexicon version.
 */
export function bundledLexicon(): Lexicon {
  return (bundled ??= mergeLexicons(LEXICON_FILES.map((file) => fs.readFileSync(file, 'utf8'))));
}

/** Parses and checks each file's text, then joins them; ids must be unique across files. */
export function mergeLexicons(texts: readonly string[]): Lexicon {
  const parts = texts.map(parseLexicon);
  const entries = parts.flatMap((p) => p.entries);
  const seen = new Set<string>();
  const duplicates = entries.filter((e) => seen.size === seen.add(e.id).size).map((e) => e.id);
  if (duplicates.length > 0) {
    throw new LexiconError(
      `lexicon ids used in two files: ${duplicates.join(', ')}`,
      duplicates.map((id) => ({ entryId: id, message: `${id}: id used in two lexicon files` })),
    );
  }
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text);
  return { entries, version: hash.digest('hex').slice(0, 12) };
}
