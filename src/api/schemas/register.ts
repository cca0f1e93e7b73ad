import { z } from 'zod';
import {
  FORM_ORIGINS,
  PROTECTABLE_ENTITY_KINDS,
  PROTECTED_KINDS,
} from '../../publication/protected-identity.ts';
import { isoDateTime } from './common.ts';

// The protected-identity register of a collection (issue 14, docs/publication.md).

export const registerParamsSchema = z.object({
  collectionId: z.guid().describe('Collection id (UUID)'),
});

export const registerEntryParamsSchema = registerParamsSchema.extend({
  entryId: z
    .string()
    .regex(/^\d{1,18}$/, 'an entry id is a number')
    .describe('Register entry id'),
});

const kindSchema = z.enum(PROTECTED_KINDS).describe('What is protected');
const name = (what: string) => z.string().trim().min(1).max(200).optional().describe(what);

export const protectedIdentitySchema = z
  .object({
    id: z.string().describe('Entry id'),
    collectionId: z.string().describe('Collection id (UUID)'),
    kind: kindSchema,
    label: z.string().describe('The identity as entered; phone numbers in E.164'),
    pseudonym: z.string().describe('What an export says instead: stable within the collection'),
    formerPseudonyms: z.array(z.string()).describe('Names the entry had before, oldest first (never reused)'),
    person: z
      .object({
        firstName: z.string().nullable(),
        patronymic: z.string().nullable(),
        surname: z.string().nullable(),
        gender: z.enum(['male', 'female']).nullable(),
      })
      .nullable()
      .describe('Name parts (persons only)'),
    otherNames: z.array(z.string()).describe('Nicknames, diminutives, spellings, other-language names'),
    voice: z
      .object({ recordingId: z.string(), lane: z.string() })
      .nullable()
      .describe('The speaker lane whose voice is protected (voices only)'),
    source: z
      .object({
        kind: z.enum(['hand', 'analysis']),
        recordingId: z.string().nullable().describe('The call whose analysis found it'),
        entityId: z.string().nullable().describe('The analysis entity it was made from'),
      })
      .describe('Where the entry came from'),
    addedBy: z.string(),
    addedAt: isoDateTime,
    retired: z
      .object({ at: isoDateTime, by: z.string(), reason: z.string() })
      .nullable()
      .describe('Set when the entry is no longer protected; the entry is kept'),
  })
  .describe('An entry of the protected-identity register');
export type ProtectedIdentityResponse = z.infer<typeof protectedIdentitySchema>;

export const registerSchema = z
  .object({
    collection: z.object({ id: z.string(), name: z.string() }),
    entries: z.array(protectedIdentitySchema).describe('Every entry, retired ones included, oldest first'),
  })
  .describe("A collection's protected-identity register");
export type RegisterResponse = z.infer<typeof registerSchema>;

export const entryFormsSchema = z
  .object({
    entryId: z.string(),
    total: z.number().int().describe('How many forms in all'),
    groups: z
      .array(
        z.object({
          origin: z.enum(FORM_ORIGINS).describe('Where the forms come from'),
          forms: z.array(
            z.object({
              text: z.string().describe('Lower case, ё as е, as the matcher compares it'),
              detail: z
                .string()
                .nullable()
                .describe("The case, romanisation system or number reading ('genitive', 'BGN/PCGN')"),
            }),
          ),
        }),
      )
      .describe(
        'Non-empty groups only, in the order: as entered, inflections, diminutives, transliterations, ' +
          'number groupings, number words',
      ),
  })
  .describe('Every form the matcher looks for to find this entry in a text (src/publication/forms/)');
export type EntryFormsResponse = z.infer<typeof entryFormsSchema>;

export const addEntryBodySchema = z
  .object({
    kind: kindSchema,
    label: z.string().trim().min(1).max(500).describe('Who or what: a name, a number, a unit, a place'),
    pseudonym: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('A name of your own ("A\'s mother"); left out: the next of the kind ("Soldier C")'),
    firstName: name('First name (persons)'),
    patronymic: name('Patronymic (persons)'),
    surname: name('Surname (persons)'),
    gender: z.enum(['male', 'female']).optional(),
    otherNames: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    voice: z
      .object({ recordingId: z.guid(), lane: z.string().trim().min(1).max(100) })
      .optional()
      .describe('Voices only: the call and lane'),
  })
  .describe('A register entry entered by hand');

export const protectEntityBodySchema = z
  .object({
    kind: z.enum(PROTECTABLE_ENTITY_KINDS).describe('The entity kind'),
    value: z.string().min(1).max(500).describe("The entity's value as the analysis gives it"),
  })
  .describe("An entity of the call's current analysis to protect");

export const protectEntityResponseSchema = z
  .object({
    entry: protectedIdentitySchema,
    created: z.boolean().describe('false: the identity was protected already, this is its entry'),
  })
  .describe('The register entry of the entity');

export const renameBodySchema = z.object({
  pseudonym: z.string().trim().min(1).max(200).describe('The new pseudonym (not one used in the collection)'),
});

export const retireBodySchema = z.object({
  reason: z.string().trim().min(1).max(2000).describe('Why the entry is no longer protected'),
});
