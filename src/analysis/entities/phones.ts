import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Entity } from './types.ts';
import type { NumberGroup } from './spoken-numbers.ts';
import type { Token } from './tokens.ts';

/**
 * Phone numbers written in digits («8 916 550 31 72», «+380-67-220-59-16») or spoken digit by
 * digit or in groups («восемь девятьсот шестнадцать пятьсот пятьдесят тридцать один семьдесят
 * два»). Groups must follow each other directly; a candidate is kept only when libphonenumber
 * says the number is valid, which is what keeps counts and dates from being read as phones.
 */

const PLUS_WORDS = new Set(['плюс']);
const PHONE_CUES = new Set([
  'номер',
  'номера',
  'номеру',
  'телефон',
  'телефона',
  'тел',
  'звони',
  'позвони',
  'мобильный',
]);

/** Turns the digits a caller said into E.164, trying the Russian and Ukrainian national forms. */
export function toE164(digits: string, saidPlus: boolean): string | undefined {
  const candidates: string[] = [];
  if (saidPlus) candidates.push(`+${digits}`);
  else if (digits.length === 11 && digits.startsWith('8')) candidates.push(`+7${digits.slice(1)}`);
  else if (digits.length === 11 && digits.startsWith('7')) candidates.push(`+${digits}`);
  else if (digits.length === 12 && digits.startsWith('380')) candidates.push(`+${digits}`);
  else if (digits.length === 10 && digits.startsWith('0')) candidates.push(`+38${digits}`);
  else if (digits.length === 10 && digits.startsWith('9')) candidates.push(`+7${digits}`);
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate);
    if (parsed?.isValid()) return parsed.number;
  }
  return undefined;
}

function groupsAreConsecutive(groups: readonly NumberGroup[], tokens: readonly Token[]): boolean {
  for (let i = 1; i < groups.length; i++) {
    const previous = groups[i - 1]!;
    const current = groups[i]!;
    if (current.firstToken !== previous.lastToken + 1) return false;
    // A full stop between groups ends a number («... 31 72. 8 908 ...»).
    if (/[.!?;]/.test(tokens[current.firstToken]!.punctuationBefore)) return false;
  }
  return true;
}

export function extractPhones(
  text: string,
  tokens: readonly Token[],
  groups: readonly NumberGroup[],
): Entity[] {
  const entities: Entity[] = [];
  let next = 0;
  for (let first = 0; first < groups.length; first++) {
    if (groups[first]!.ordinal || groups[first]!.firstToken < next) continue;
    let digits = '';
    // Longest valid run wins, so «восемь девятьсот ...» is not cut after ten digits of twelve.
    let best: { last: number; value: string } | undefined;
    for (let last = first; last < groups.length && last - first < 12; last++) {
      const group = groups[last]!;
      if (group.ordinal || !groupsAreConsecutive(groups.slice(first, last + 1), tokens)) break;
      digits += group.digits;
      if (digits.length > 12) break;
      if (digits.length < 10) continue;
      const firstToken = tokens[groups[first]!.firstToken]!;
      const previous = tokens[firstToken.index - 1];
      const saidPlus =
        text.slice(Math.max(0, firstToken.start - 2), firstToken.start).includes('+') ||
        (previous !== undefined && PLUS_WORDS.has(previous.norm));
      const value = toE164(digits, saidPlus);
      if (value) best = { last, value };
    }
    if (!best) continue;
    const startToken = tokens[groups[first]!.firstToken]!;
    const previous = tokens[startToken.index - 1];
    const plusWord = previous !== undefined && PLUS_WORDS.has(previous.norm);
    const plusSign = text.slice(Math.max(0, startToken.start - 1), startToken.start) === '+';
    const start = plusWord ? previous.start : plusSign ? startToken.start - 1 : startToken.start;
    const end = tokens[groups[best.last]!.lastToken]!.end;
    const written = groups.slice(first, best.last + 1).every((group) => group.written);
    const cued = previous !== undefined && PHONE_CUES.has(previous.norm);
    entities.push({
      kind: 'phone',
      start,
      end,
      surface: text.slice(start, end),
      value: best.value,
      confidence: written || cued ? 0.95 : 0.85,
      rule: written ? 'phone:digits' : 'phone:spoken',
    });
    next = groups[best.last]!.lastToken + 1;
    first = best.last;
  }
  return entities;
}
