import { z } from 'zod';
import { isoDateTime } from './common.ts';

const params = z
  .record(
    z.string().regex(/^[a-zA-Z]{1,40}$/, 'expected a parameter name of the Search page'),
    z.string().max(1000),
  )
  .refine((p) => Object.keys(p).length <= 40, 'at most 40 parameters')
  .refine((p) => (p.q ?? '').trim() !== '', 'a saved search needs its query (q)')
  .describe("The Search page's parameters as in its address: q, lang, translit and the calls list's filters");

export const savedSearchSchema = z
  .object({
    id: z.string().describe('Saved search id'),
    name: z.string().describe('Its name'),
    params,
    createdAt: isoDateTime,
    updatedAt: isoDateTime.describe('When it was last saved'),
  })
  .describe('A search you saved (yours only)');

export const savedSearchListSchema = z
  .object({ items: z.array(savedSearchSchema).describe('Your saved searches, by name') })
  .describe('Saved searches');

export const saveSearchBodySchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'the name is empty')
      .max(200)
      .describe('A name; saving under a name you used replaces that search'),
    params,
  })
  .describe('A search to save');

export const savedSearchParamsSchema = z.object({
  savedSearchId: z
    .string()
    .regex(/^\d{1,18}$/, 'expected a saved search id (digits)')
    .describe('Saved search id'),
});
