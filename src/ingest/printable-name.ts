const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface NameCheck {
  /** The name as it can be shown and stored: control characters and invalid bytes escaped. */
  printable: string;
  /** Why the name cannot be taken as it is (newline, control character, invalid UTF-8). */
  problem: string | null;
}

/**
 * File names come from leaked archives and foreign file systems: they can hold newlines, terminal
 * escape sequences or bytes that are not UTF-8. Such names are never printed or stored raw; this
 * turns them into a printable, unambiguous form (`\n`, `\x1b`, `\xff`) and says what was wrong.
 */
export function checkName(raw: Buffer | string): NameCheck {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  let text: string | null;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = null;
  }
  if (text === null) {
    return { printable: escapeInvalidUtf8(bytes), problem: 'the file name is not valid UTF-8' };
  }
  const printable = escapeControls(text);
  if (printable === text) return { printable, problem: null };
  const problem = /[\n\r]/.test(text)
    ? 'the file name contains a line break'
    : 'the file name contains control characters';
  return { printable, problem };
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

/** Decodes valid UTF-8 runs and writes each byte of an invalid sequence as `\xNN`. */
function escapeInvalidUtf8(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      out += escapeControls(bytes.subarray(i, i + length).toString('utf8'));
      i += length;
    } else {
      out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

function sequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i]!;
  const expected =
    b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (expected === 0 || i + expected > bytes.length) return 0;
  try {
    utf8.decode(bytes.subarray(i, i + expected));
    return expected;
  } catch {
    return 0;
  }
}
