/** A piece of a keyword-in-context snippet; match marks the words the query found. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

// ts_headline wraps matches in these; control characters never occur in transcript text.
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';
export const HEADLINE_OPTIONS =
  `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=10, ShortWord=1, ` +
  `MaxFragments=2, FragmentDelimiter=" … "`;

/** Splits ts_headline's output into plain and matching parts, merging neighbours of a kind. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean): void => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let rest = headline;
  while (rest !== '') {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) {
      push(rest.replaceAll(MATCH_END, ''), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(MATCH_END, ''), false);
    const end = rest.indexOf(MATCH_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    push(rest.slice(start + 1, stop).replaceAll(MATCH_START, ''), true);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return parts;
}

export function hasMatch(parts: readonly SnippetPart[]): boolean {
  return parts.some((p) => p.match);
}
