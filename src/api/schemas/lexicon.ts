import { z } from 'zod';
import { categorySchema } from './analysis.ts';

export const lexiconEntrySchema = z
  .object({
    id: z.string().describe('Stable id of the entry (what matches carry as termId)'),
    term: z.string().describe('Headword'),
    lemmas: z.array(z.string()).describe('Dictionary forms; every inflection of them matches'),
    variants: z.array(z.string()).describe('Other spellings, phrases and recogniser forms'),
    category: categorySchema,
    gloss: z.string().describe('English gloss'),
    numberCode: z
      .number()
      .int()
      .nullable()
      .describe('The code number standing for the concept (200 = killed)'),
    ambiguous: z.boolean().describe('Has an ordinary meaning too: matches score low unless context confirms'),
    ambiguity: z.string().nullable().describe('Notes on other meanings and caveats'),
    source: z.array(z.string()).describe('Where the term is defined or attested'),
  })
  .describe('One concept of the lexicon');

export const lexiconResponseSchema = z
  .object({
    version: z.string().describe('Version (hash) of the lexicon data; analysis runs record it'),
    entries: z.array(lexiconEntrySchema).describe('Every entry, by category then headword'),
  })
  .describe('The code-word lexicon the analyser uses');

export type LexiconResponse = z.infer<typeof lexiconResponseSchema>;
