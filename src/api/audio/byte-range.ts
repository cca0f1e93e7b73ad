/**
 * Parsing of the HTTP Range header (RFC 9110 §14) for audio served from disk.
 *
 * Choice for multiple ranges (`bytes=0-99,200-299`): the server ignores the header and sends the
 * whole file with 200, which RFC 9110 §14.2 allows. Audio players ask for one range at a time, and
 * multipart/byteranges would only add a code path nobody exercises. A header that is not a valid
 * `bytes=` range set is ignored the same way (200, whole file), also as the RFC prescribes.
 */
export type RangeRequest =
  /** Serve the whole file with 200. */
  | { kind: 'full' }
  /** Serve bytes start..end (inclusive) with 206. */
  | { kind: 'partial'; start: number; end: number }
  /** No requested byte exists in the file: 416 with `Content-Range: bytes *\/size`. */
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/i;

export function parseRangeHeader(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'full' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: 'full' };
  const [, firstText = '', lastText = ''] = match;
  if (firstText === '' && lastText === '') return { kind: 'full' };

  if (firstText === '') {
    // Suffix range: the last N bytes.
    const suffixLength = Number(lastText);
    if (!Number.isSafeInteger(suffixLength)) return { kind: 'full' };
    if (suffixLength === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffixLength), end: size - 1 };
  }

  const first = Number(firstText);
  const last = lastText === '' ? Number.POSITIVE_INFINITY : Number(lastText);
  if (!Number.isSafeInteger(first) || (lastText !== '' && !Number.isSafeInteger(last))) {
    return { kind: 'full' };
  }
  // last < first makes the range syntactically invalid: ignored, not an error.
  if (last < first) return { kind: 'full' };
  if (first >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start: first, end: Math.min(last, size - 1) };
}

/** The If-Range precondition: a range is honoured only if the validator still matches. */
export function ifRangeAllowsPartial(ifRange: string | undefined, etag: string): boolean {
  if (ifRange === undefined) return true;
  return ifRange.trim() === etag;
}
