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
export type LexiconEntry = Omit<RawLexiconEntry, 'category'> & { category: Category };

export const lexiconFileSchema = z.object({
  $comment: z.string().optional(),
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
  return { entries: file.entries as LexiconEntry[], version };
}

let bundled: Lexicon | undefined;

/** The lexicon committed in the repository, read once. */
export function bundledLexicon(): Lexicon {
  return (bundled ??= parseLexicon(fs.readFileSync(LEXICON_FILE, 'utf8')));
}
