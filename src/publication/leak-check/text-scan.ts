import type { IdentityMatcher } from '../protected-identity.ts';
import { decodeEscapes } from './decoded-text.ts';
import { textHits, type LeakHit, type TextHit } from './leak-hit.ts';

/**
 * Reads text for the leak check: a string whole, or a stream window by window so a large file
 * is never held in memory (each window overlaps the last by more than any form is long, so a
 * name cut by a chunk boundary is still found). Hits carry line and column.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';
export type PositionedHit = TextHit & Required<Pick<LeakHit, 'line' | 'column' | 'encoding'>>;

interface Position {
  line: number;
  column: number;
}

const OVERLAP = 2048;

/** The position `until` characters into `text`, counting from `from` (the position of text[0]). */
function advance(from: Position, text: string, until: number, startAt = 0): Position {
  let { line, column } = from;
  for (let i = startAt; i < until; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return { line, column };
}

/** Raw and unescaped hits in a text, each with the offset it has in `text`. */
function hitsWithEscapes(text: string, matcher: IdentityMatcher): Array<TextHit & { escaped: boolean }> {
  const raw = textHits(text, matcher).map((hit) => ({ ...hit, escaped: false }));
  const decoded = decodeEscapes(text);
  if (!decoded) return raw;
  const seen = new Set(raw.map((hit) => `${hit.start}:${hit.identityId ?? hit.what}`));
  for (const hit of textHits(decoded.text, matcher)) {
    const start = decoded.origins[hit.start]!;
    const end = decoded.origins[hit.end]!;
    if (seen.has(`${start}:${hit.identityId ?? hit.what}`)) continue;
    raw.push({ ...hit, start, end, escaped: true });
  }
  return raw;
}

function positioned(
  text: string,
  hits: ReadonlyArray<TextHit & { escaped: boolean }>,
  base: Position,
  encoding: TextEncoding,
): PositionedHit[] {
  // Hits in text order, each position counted on from the last, so the text is walked once.
  let position = base;
  let offset = 0;
  return [...hits]
    .sort((a, b) => a.start - b.start)
    .map(({ escaped, ...hit }) => {
      position = advance(position, text, hit.start, offset);
      offset = hit.start;
      return { ...hit, ...position, encoding: escaped ? 'escaped' : encoding };
    });
}

/** Every hit in a whole text (a tag, a file name, an XML part's text). */
export function scanString(
  text: string,
  matcher: IdentityMatcher,
  encoding: TextEncoding = 'utf-8',
): PositionedHit[] {
  return positioned(text, hitsWithEscapes(text, matcher), { line: 1, column: 1 }, encoding);
}

/** Every hit in a text read in chunks; memory stays at about one chunk whatever the size. */
export async function scanTextStream(
  chunks: AsyncIterable<string>,
  matcher: IdentityMatcher,
  encoding: TextEncoding,
): Promise<PositionedHit[]> {
  const out: PositionedHit[] = [];
  let carry = '';
  let carryStart: Position = { line: 1, column: 1 };
  for await (const chunk of chunks) {
    const window = carry + chunk;
    // Hits wholly inside the carried part were reported with the previous window.
    const fresh = hitsWithEscapes(window, matcher).filter((hit) => hit.end > carry.length);
    out.push(...positioned(window, fresh, carryStart, encoding));
    const keep = Math.min(OVERLAP, window.length);
    carryStart = advance(carryStart, window, window.length - keep);
    carry = window.slice(window.length - keep);
  }
  return out;
}

/** A byte stream decoded chunk by chunk (a character cut between chunks is kept whole). */
export async function* decodedChunks(
  bytes: AsyncIterable<Buffer>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
