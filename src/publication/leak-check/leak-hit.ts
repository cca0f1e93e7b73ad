import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { IdentityMatcher } from '../protected-identity.ts';

/**
 * What the leak check reports and how it reads one piece of text: every protected form the
 * register's matcher knows, and anything shaped like a phone number whether registered or not.
 */

export const PHONE_PATTERN = 'phone-number pattern';

export interface LeakHit {
  /** The file as the check was given it (relative to the export folder when given one). */
  file: string;
  /** The archive entry or DOCX part the hit is in; absent for the file itself. */
  entry?: string;
  /** 'speech': the recogniser heard it in an audio file. */
  where: 'file name' | 'entry name' | 'text' | 'metadata tag' | 'speech';
  /** 1-based line and UTF-16 column in the decoded text of the file, entry or tag. */
  line?: number;
  column?: number;
  /** Speech: the audio channel (0-based) and the time in the clip (seconds) the word starts. */
  channel?: number;
  seconds?: number;
  /** The container tag a hit is in (audio: "format title", "stream 0 artist"). */
  tag?: string;
  /** How the text was read where it was found. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'escaped';
  /** The protected identity, absent for a phone-number pattern that is in no register. */
  identityId?: string;
  /** The identity's pseudonym, or PHONE_PATTERN. */
  what: string;
  matched: string;
}

/** A hit in a piece of text, as UTF-16 offsets into it. */
export interface TextHit {
  start: number;
  end: number;
  identityId?: string;
  what: string;
  matched: string;
}

// Seven or more digits with spaces, dashes, dots, brackets or slashes between them, not part
// of a longer word or number; a + in front kept.
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d(?:[ \t\-.()/]{0,3}\d){6,}(?![\p{L}\p{N}])/gu;

/** Runs of digits a phone number could be: valid for Russia, Ukraine, or with its own +code. */
export function phonePatternHits(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const candidate = match[0];
    const looksLikeAPhone = ['RU', 'UA'].some(
      (country) => parsePhoneNumberFromString(candidate, country as 'RU' | 'UA')?.isValid() === true,
    );
    if (!looksLikeAPhone) continue;
    hits.push({
      start: match.index,
      end: match.index + candidate.length,
      what: PHONE_PATTERN,
      matched: candidate,
    });
  }
  return hits;
}

/** Protected forms and phone-number patterns in one text. */
export function textHits(text: string, matcher: IdentityMatcher): TextHit[] {
  const pseudonyms = new Map(matcher.identities.map((identity) => [identity.id, identity.pseudonym]));
  const hits: TextHit[] = matcher.findMentions(text).map((mention) => ({
    start: mention.start,
    end: mention.end,
    identityId: mention.identityId,
    what: pseudonyms.get(mention.identityId) ?? mention.identityId,
    matched: mention.matched,
  }));
  // A registered number is already named by its identity; the pattern adds the others.
  const named = hits.map((hit) => [hit.start, hit.end] as const);
  for (const hit of phonePatternHits(text)) {
    if (!named.some(([start, end]) => start < hit.end && hit.start < end)) hits.push(hit);
  }
  return hits.sort((a, b) => a.start - b.start);
}
