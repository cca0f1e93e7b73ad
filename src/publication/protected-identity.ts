/**
 * The contract between the parts of publication (issue 14): what a protected identity is, the
 * forms a reader or listener would recognise it by, and the matcher that finds them in text.
 * The register (src/publication/register/) stores identities; the forms module
 * (src/publication/forms/) expands each into its forms and builds the matcher; redaction and the
 * leak check only ask the matcher.
 */

export const PROTECTED_KINDS = ['person', 'call_sign', 'phone', 'unit', 'place', 'cell_id', 'voice'] as const;
export type ProtectedKind = (typeof PROTECTED_KINDS)[number];

/**
 * The kinds of analysis entity the register takes in one click from a call (and `--protect-all`):
 * persons, phone numbers, call signs, places and units («в/ч 41698», «237-й полк»).
 */
export const PROTECTABLE_ENTITY_KINDS = ['person', 'phone', 'call_sign', 'place', 'unit'] as const;
export type ProtectableEntityKind = (typeof PROTECTABLE_ENTITY_KINDS)[number];

export function isProtectableEntityKind(kind: string): kind is ProtectableEntityKind {
  return (PROTECTABLE_ENTITY_KINDS as readonly string[]).includes(kind);
}

/** One entry of a collection's protected-identity register. */
export interface ProtectedIdentity {
  id: string;
  collectionId: string;
  kind: ProtectedKind;
  /** The identity as entered (a name, a call sign, a number in E.164, a unit, a place, a cell id). */
  label: string;
  /** Stable within the collection: "Soldier A", "A's mother", "Town 1", "Number 3". */
  pseudonym: string;
  /** Parts of a person's name and what else it is known by; empty for other kinds. */
  person?: {
    firstName?: string;
    patronymic?: string;
    surname?: string;
    gender?: 'male' | 'female';
    /** Diminutives, nicknames and other spellings a person entered by hand. */
    otherNames?: string[];
  };
  /**
   * Other names of a place, unit or call sign (an English or Ukrainian spelling the register
   * took from the gazetteer, or one entered by hand); a person's are under `person`.
   */
  otherNames?: string[];
  /** For kind 'voice': the speaker lane of a call whose voice is protected. */
  voice?: { recordingId: string; lane: string };
}

/** Where a form comes from, for the register's display and the leak report (in display order). */
export const FORM_ORIGINS = [
  'as-entered',
  'inflection',
  'diminutive',
  'transliteration',
  'translation',
  'number-grouping',
  'number-words',
] as const;
export type FormOrigin = (typeof FORM_ORIGINS)[number];

export interface ProtectedForm {
  identityId: string;
  /** Lower case, ё folded to е; words separated by single spaces. */
  text: string;
  origin: FormOrigin;
  /** e.g. 'BGN/PCGN', 'ISO 9', 'genitive', 'English', 'ru words', 'en words'. */
  detail?: string;
}

/** One place a protected form was found, as UTF-16 offsets into the text searched. */
export interface ProtectedMention {
  identityId: string;
  start: number;
  end: number;
  /** The text as it stands in the input between start and end. */
  matched: string;
  form: ProtectedForm;
}

/** Finds every protected form in a text; built once per register and reused. */
export interface IdentityMatcher {
  readonly identities: readonly ProtectedIdentity[];
  findMentions(text: string): ProtectedMention[];
}
