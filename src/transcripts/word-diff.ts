/** One run of a word-level diff: words kept, taken out, or put in. */
export interface WordDiffPart {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

// Longest-common-subsequence tables grow with the product of the lengths; past this the texts
// are shown as replaced whole, which is still a correct (if coarse) diff.
const MAX_CELLS = 4_000_000;

function words(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w !== '');
}

/** Word-level diff of two texts (whitespace-separated words, compared exactly). */
export function diffWords(before: string, after: string): WordDiffPart[] {
  const a = words(before);
  const b = words(after);
  const parts: WordDiffPart[] = [];
  const push = (op: WordDiffPart['op'], word: string): void => {
    const last = parts.at(-1);
    if (last && last.op === op) last.text += ` ${word}`;
    else parts.push({ op, text: word });
  };
  if (a.length * b.length > MAX_CELLS) {
    if (a.length > 0) parts.push({ op: 'delete', text: a.join(' ') });
    if (b.length > 0) parts.push({ op: 'insert', text: b.join(' ') });
    return parts;
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('equal', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      push('delete', a[i]!);
      i++;
    } else {
      push('insert', b[j]!);
      j++;
    }
  }
  while (i < a.length) push('delete', a[i++]!);
  while (j < b.length) push('insert', b[j++]!);
  return parts;
}
