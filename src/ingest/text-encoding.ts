import { TextDecoder } from 'node:util';

/**
 * Leaks come from Russian-locale Windows machines as often as from anywhere: names and
 * spreadsheets in cp1251 (ANSI) or cp866 (OEM, used by zip tools and the console), or in a
 * western code page. Bytes that are not UTF-8 are decoded by guessing among these, using the
 * WHATWG decoders built into Node (full ICU) rather than tables of our own.
 */
export type LegacyEncoding = 'windows-1251' | 'ibm866' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const decoders: Record<LegacyEncoding, TextDecoder> = {
  'windows-1251': new TextDecoder('windows-1251'),
  ibm866: new TextDecoder('ibm866'),
  // The WHATWG "latin1" label is windows-1252: latin-1 plus printable characters in 0x80-0x9f.
  'windows-1252': new TextDecoder('windows-1252'),
};

/** The text of valid UTF-8 bytes, or null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  return decoders[encoding].decode(bytes);
}

// Frequency (per mille) of each letter in Russian text, а..я: the two Cyrillic code pages put
// letters at different bytes, and only the right one yields letters that are common.
const RUSSIAN_FREQUENCY = [
  80, 16, 45, 17, 30, 85, 9, 17, 74, 12, 35, 44, 32, 67, 110, 28, 47, 55, 63, 26, 3, 10, 5, 14, 7, 4, 0.4, 19,
  17, 3, 6, 20,
];

/**
 * How much a text looks like Russian: common Cyrillic letters count for, characters that are
 * neither ASCII nor Cyrillic letters count against, and a Cyrillic letter touching a Latin one
 * (`cafй`) counts strongly against, since real words do not mix scripts.
 */
export function cyrillicScore(text: string): number {
  let score = 0;
  const chars = [...text];
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return;
    const lower = ch.toLowerCase();
    const index = lower === 'ё' ? 5 : lower.charCodeAt(0) - 0x430;
    if (index < 0 || index >= RUSSIAN_FREQUENCY.length) {
      score -= 50;
      return;
    }
    score += RUSSIAN_FREQUENCY[index]!;
    if (/[A-Za-z]/.test(chars[i - 1] ?? '') || /[A-Za-z]/.test(chars[i + 1] ?? '')) score -= 200;
  });
  return score;
}

/** Decodes bytes that are not UTF-8: cp1251 or cp866 when one reads as Russian, else windows-1252. */
export function guessLegacyEncoding(bytes: Uint8Array): { encoding: LegacyEncoding; text: string } {
  const candidates = (['windows-1251', 'ibm866'] as const).map((encoding) => {
    const text = decodeLegacy(bytes, encoding);
    return { encoding, text, score: cyrillicScore(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.score > 0) return { encoding: best.encoding, text: best.text };
  return { encoding: 'windows-1252', text: decodeLegacy(bytes, 'windows-1252') };
}
