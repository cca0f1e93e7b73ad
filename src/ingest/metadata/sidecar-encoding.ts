import { TextDecoder } from 'node:util';
import { IngestUsageError } from '../errors.ts';
import { decodeUtf8, guessLegacyEncoding } from '../text-encoding.ts';

export type SidecarEncoding =
  'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'ibm866' | 'windows-1252';

export interface DecodedSidecar {
  text: string;
  encoding: SidecarEncoding;
  /** True when the encoding was guessed from the letters, not known from a BOM or valid UTF-8. */
  guessed: boolean;
}

/**
 * Call-record spreadsheets are exported in whatever the exporting machine used: UTF-8 (with or
 * without a BOM), UTF-16 with a BOM ("Unicode text" from Excel), or, from Russian-locale Windows,
 * cp1251 (ANSI) or cp866 (OEM). Decided by the BOM, then by UTF-8 validity, then by which code
 * page reads as Russian. Never decodes to U+FFFD: bytes that fit no encoding are a usage error.
 */
export function decodeSidecar(bytes: Buffer, display: string): DecodedSidecar {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), display), encoding: 'utf-8 with BOM', guessed: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', display);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', display);
  const text = decodeUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', guessed: false };
  const guess = guessLegacyEncoding(bytes);
  return { text: guess.text, encoding: guess.encoding, guessed: true };
}

function strictUtf8(bytes: Buffer, display: string): string {
  const text = decodeUtf8(bytes);
  if (text === null) {
    throw new IngestUsageError(
      `metadata file ${display} starts with a UTF-8 byte-order mark but is not valid UTF-8; re-export it as UTF-8`,
    );
  }
  return text;
}

function utf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be', display: string): DecodedSidecar {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding, guessed: false };
  } catch {
    throw new IngestUsageError(
      `metadata file ${display} starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}; re-export it as UTF-8`,
    );
  }
}
