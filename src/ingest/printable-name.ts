import { decodeUtf8, guessLegacyEncoding, type LegacyEncoding } from './text-encoding.ts';

export interface NameCheck {
  /**
   * The name as it can be shown and stored: control characters escaped, and when a part had to
   * be decoded by guessing, the guess and that part's raw bytes (`\xNN`) after it, so the record
   * is unambiguous and the original bytes can always be recovered.
   */
  printable: string;
  /** The decoded name with control characters escaped, without the note: for extensions and matching. */
  text: string;
  /** Why the name cannot be taken as it is (line break, control character), or null. */
  problem: string | null;
  /** Set when a part of the name was not UTF-8 and was decoded by guessing its code page. */
  guessedEncoding: LegacyEncoding | null;
}

const SLASH = 0x2f;

/**
 * File names come from leaked archives and foreign file systems: they can hold newlines, terminal
 * escape sequences or bytes in a Windows code page. Such names are never printed or stored raw;
 * this turns them into a printable, unambiguous form and says what is wrong with them. A name
 * that is merely not UTF-8 is not wrong: each '/'-separated part that is not is decoded as cp1251,
 * cp866 or windows-1252 (whichever reads best), and the guess is written beside it.
 */
export function checkName(raw: Buffer | string): NameCheck {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const parts: string[] = [];
  const guessedRaw: string[] = [];
  let guessedEncoding: LegacyEncoding | null = null;
  let controls = '';
  for (const part of splitBytes(bytes, SLASH)) {
    const utf8 = decodeUtf8(part);
    if (utf8 !== null) {
      parts.push(utf8);
      controls += utf8;
      continue;
    }
    const guess = guessLegacyEncoding(part);
    guessedEncoding ??= guess.encoding;
    parts.push(guess.text);
    guessedRaw.push(escapeBytes(part));
    // C1 characters are only what windows-1252 calls a few unused bytes: not a hostile name.
    controls += guess.text.replace(/[\u0080-\u009f]/g, '');
  }
  const text = escapeControls(parts.join('/'));
  const printable =
    guessedEncoding === null ? text : `${text} [${guessedEncoding} name, bytes ${guessedRaw.join(' ')}]`;
  return { printable, text, problem: nameProblem(controls), guessedEncoding };
}

function nameProblem(text: string): string | null {
  if (/[\n\r\u2028\u2029]/.test(text)) return 'the file name contains a line break';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return 'the file name contains control characters';
  return null;
}

function splitBytes(bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i === bytes.length || bytes[i] === separator) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

function escapeControls(text: string): string {
  // Backslashes are escaped too, so an escaped name can never be mistaken for a real one.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** Printable ASCII kept (backslash escaped), every other byte as `\xNN`. */
function escapeBytes(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}
