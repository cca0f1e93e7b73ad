/**
 * The search box's language, parsed here rather than handed to PostgreSQL's to_tsquery, which
 * raises a syntax error (a 500) on input as ordinary as an unbalanced quote:
 *
 *   word            any form of the word (stems), or exactly this form
 *   "two words"     exactly these word forms, in this order (also «…» and “…”)
 *   -word -"…"      leave out segments that contain it
 *   a OR b          either (upper-case OR; binds the words on each side of it)
 *   a b             both (the default)
 *
 * Only letters and digits are searched: "в/ч" is the phrase в ч, "200-й" is 200 й. How numbers
 * and names are widened (200 ↔ «двести», Kharkiv ↔ «Харьков») is tsquery.ts's part.
 */

export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_ATOMS = 16;

export interface SearchAtom {
  /** word: any form (stems) or this exact form; exact: quoted, these exact forms in this order. */
  kind: 'word' | 'exact';
  /** The words searched for (letters and digits only, lower case), in order. */
  words: string[];
}

/** Atoms joined by OR; a negated clause leaves out what it matches. */
export interface SearchClause {
  negated: boolean;
  alternatives: SearchAtom[];
}

/** Clauses joined by AND. */
export interface ParsedQuery {
  clauses: SearchClause[];
}

/** A query the user must fix; the message says what is wrong, in words. */
export class QueryParseError extends Error {}

type Token = { type: 'or' } | { type: 'atom'; negated: boolean; atom: SearchAtom; source: string };

const OPENING_QUOTES = new Set(['"', '«', '“', '„']);
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '“' };
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.normalize('NFC').match(WORD_PATTERN) ?? []).map((w) => w.toLowerCase());
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (ch === '-') {
      negated = true;
      i++;
      if (i >= query.length || /\s/u.test(query[i]!)) {
        throw new QueryParseError(
          `"-" at character ${start + 1} must be followed directly by a word or a quoted phrase to leave out`,
        );
      }
    }
    const opener = query[i]!;
    if (OPENING_QUOTES.has(opener)) {
      const closer = CLOSING_QUOTE[opener]!;
      // A plain " also closes a typographic opening quote: people mix them.
      let end = i + 1;
      while (end < query.length && query[end] !== closer && query[end] !== '"') end++;
      if (end >= query.length) {
        throw new QueryParseError(
          `the quote ${opener} at character ${i + 1} is never closed; add a closing ${closer} or remove it`,
        );
      }
      const inner = query.slice(i + 1, end);
      const words = wordsOf(inner);
      if (words.length === 0) {
        throw new QueryParseError(`the quoted phrase at character ${i + 1} has no words in it`);
      }
      tokens.push({
        type: 'atom',
        negated,
        atom: { kind: 'exact', words },
        source: query.slice(start, end + 1),
      });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < query.length && !/\s/u.test(query[end]!) && !OPENING_QUOTES.has(query[end]!)) end++;
    const raw = query.slice(i, end);
    i = end;
    if (raw === 'OR' && !negated) {
      tokens.push({ type: 'or' });
      continue;
    }
    const words = wordsOf(raw);
    // Punctuation on its own (a dash, an ellipsis pasted with the text) searches for nothing.
    if (words.length === 0) {
      if (negated) throw new QueryParseError(`"${query.slice(start, end)}" has no word to leave out`);
      continue;
    }
    tokens.push({
      type: 'atom',
      negated,
      // "в/ч" or "Ростов-на-Дону": the words in order, each in any form.
      atom: { kind: 'word', words },
      source: query.slice(start, end),
    });
  }
  return tokens;
}

export function parseSearchQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new QueryParseError(
      `the query is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`,
    );
  }
  if (query.trim() === '') throw new QueryParseError('the query is empty: type a word to search for');
  const tokens = tokenize(query);
  const clauses: SearchClause[] = [];
  let pendingOr = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type === 'or') {
      const previous = clauses.at(-1);
      if (!previous || pendingOr) {
        throw new QueryParseError('OR must stand between two words or phrases');
      }
      if (previous.negated) {
        throw new QueryParseError('an excluded word (-word) cannot be combined with OR');
      }
      pendingOr = true;
      continue;
    }
    if (pendingOr) {
      if (token.negated) {
        throw new QueryParseError(`an excluded word (${token.source}) cannot be combined with OR`);
      }
      clauses.at(-1)!.alternatives.push(token.atom);
      pendingOr = false;
    } else {
      clauses.push({ negated: token.negated, alternatives: [token.atom] });
    }
  }
  if (pendingOr) throw new QueryParseError('OR must stand between two words or phrases');
  if (clauses.length === 0) {
    throw new QueryParseError('the query has no words to search for, only operators or punctuation');
  }
  if (clauses.every((c) => c.negated)) {
    throw new QueryParseError('the query only leaves words out; add a word or phrase to search for');
  }
  const atoms = clauses.reduce((n, c) => n + c.alternatives.length, 0);
  if (atoms > MAX_QUERY_ATOMS) {
    throw new QueryParseError(
      `the query has ${atoms} words or phrases; at most ${MAX_QUERY_ATOMS} are allowed`,
    );
  }
  return { clauses };
}
