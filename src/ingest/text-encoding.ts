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
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const index =
      code === 0x401 || code === 0x451 ? 5 : code >= 0x410 && code <= 0x44f ? (code - 0x410) % 32 : -1;
    if (index < 0) {
      score -= 50;
      continue;
    }
    score += RUSSIAN_FREQUENCY[index]!;
    if (isLatinLetter(text.charCodeAt(i - 1)) || isLatinLetter(text.charCodeAt(i + 1))) score -= 200;
  }
  return score;
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Bytes enough to tell the code pages apart; a 256 MiB spreadsheet is not scored whole. */
const SAMPLE_BYTES = 64 * 1024;

/** Decodes bytes that are not UTF-8: cp1251 or cp866 when one reads as Russian, else windows-1252. */
export function guessLegacyEncoding(bytes: Uint8Array): { encoding: LegacyEncoding; text: string } {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates = (['windows-1251', 'ibm866'] as const).map((encoding) => ({
    encoding,
    score: cyrillicScore(decodeLegacy(sample, encoding)),
  }));
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  const encoding: LegacyEncoding = best.score > 0 ? best.encoding : 'windows-1252';
  return { encoding, text: decodeLegacy(bytes, encoding) };
}
