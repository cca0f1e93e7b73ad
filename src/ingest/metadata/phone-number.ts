import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * The country national numbers are read in when nobody says otherwise: ingest's --region default,
 * and the number page's path parameter.
 */
export const DEFAULT_PHONE_REGION: CountryCode = 'RU';

export type PhoneResult = { e164: string; problem: null } | { e164: null; problem: string };

/**
 * Normalises a phone number as written in call records (`8 916 123-45-67`, `+7 (916) 1234567`,
 * `79161234567`) to E.164, reading national numbers in `region`. The raw text is always kept by
 * the caller; this only says what it means, or why it cannot be read.
 */
export function normalisePhoneNumber(raw: string, region: CountryCode): PhoneResult {
  const text = raw.trim();
  if (!/\d/.test(text)) return { e164: null, problem: `"${raw}" is not a phone number` };
  // International numbers written without the '+' (79161234567) are common in operator exports.
  const candidates = [text];
  if (/^\d{11,15}$/.test(text)) candidates.push(`+${text}`);
  if (text.startsWith('00')) candidates.push(`+${text.slice(2)}`);
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, region);
    if (parsed?.isValid()) return { e164: parsed.number, problem: null };
  }
  return { e164: null, problem: `"${raw}" is not a valid phone number (region ${region})` };
}
