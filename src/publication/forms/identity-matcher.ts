import type { Token } from '../../analysis/entities/tokens.ts';
import { numberGroups, type NumberGroup } from '../../analysis/entities/spoken-numbers.ts';
import type {
  IdentityMatcher,
  ProtectedForm,
  ProtectedIdentity,
  ProtectedMention,
} from '../protected-identity.ts';
import { formKeys, formTokens, type FormToken } from './form-text.ts';
import { protectedForms } from './protected-forms.ts';

/**
 * Finds protected forms in text. Built once per register: the word forms go into a trie keyed
 * by normalised words (./form-text.ts), the number forms into a map keyed by their digits, so a
 * text is read once whatever the number of identities (no regular expression per form).
 *
 * Rules:
 * - case-insensitive, ё = е, diacritics of Latin letters ignored ("Žitomir" = "Zitomir");
 * - whole words only: a word ends at any character that is not a letter, digit or inner
 *   apostrophe, so «Коля» is not found in «Николаев» but is in «Коля-то»;
 * - a word the recogniser split in two («Але ксандр», «Ковален ко») is also read joined, when
 *   only spaces stand between the halves;
 * - Latin-script forms (transliterations) are found inside Russian text and the other way round;
 * - numbers are compared by their digits across tokens, separators and number words, so
 *   «8 (916) 123-45-67», «девятьсот шестнадцать сто двадцать три…» and "nine one six…" are the
 *   same number; a number must start and end where a written or spoken group does, so it is not
 *   found inside a longer number;
 * - the longest form wins where forms overlap; the text is read left to right.
 */

interface TrieNode {
  children: Map<string, TrieNode>;
  forms: ProtectedForm[];
}

export interface SegmentSpan {
  segmentIndex: number;
  /** UTF-16 offsets into that segment's text. */
  start: number;
  end: number;
}

/** A mention in a run of segments; numbers said over two segments have two spans. */
export interface SegmentMention {
  identityId: string;
  form: ProtectedForm;
  spans: SegmentSpan[];
}

export interface SegmentedIdentityMatcher extends IdentityMatcher {
  /** Mentions in consecutive segments, also those that start in one and end in the next. */
  findMentionsAcross(texts: readonly string[]): SegmentMention[];
}

const newNode = (): TrieNode => ({ children: new Map(), forms: [] });
const DIGITS_ONLY = /^\d+$/;

export function buildIdentityMatcher(identities: readonly ProtectedIdentity[]): SegmentedIdentityMatcher {
  const root = newNode();
  const numbers = new Map<string, ProtectedForm[]>();
  for (const identity of identities) {
    for (const form of protectedForms(identity)) {
      // Spoken numbers are read into digits at search time, so their word forms need no entry.
      if (form.origin === 'number-words') continue;
      const keys = formKeys(form.text);
      if (keys.length === 0) continue;
      if (keys.every((key) => DIGITS_ONLY.test(key))) {
        const digits = keys.join('');
        numbers.set(digits, [...(numbers.get(digits) ?? []), form]);
        continue;
      }
      let node = root;
      for (const key of keys) {
        let child = node.children.get(key);
        if (!child) node.children.set(key, (child = newNode()));
        node = child;
      }
      node.forms.push(form);
    }
  }
  const numberLengths = [...new Set([...numbers.keys()].map((d) => d.length))].sort((a, b) => b - a);
  const matcher: SegmentedIdentityMatcher = {
    identities,
    findMentions: (text) => findMentions(text, root, numbers, numberLengths),
    findMentionsAcross: (texts) => findMentionsAcross(matcher, texts),
  };
  return matcher;
}

interface Span {
  first: number;
  last: number;
  forms: ProtectedForm[];
}

function findMentions(
  text: string,
  root: TrieNode,
  numbers: ReadonlyMap<string, ProtectedForm[]>,
  numberLengths: readonly number[],
): ProtectedMention[] {
  const tokens = formTokens(text).filter((token) => !token.ordinalSuffix);
  const spans = [...wordSpans(text, tokens, root), ...numberSpans(tokens, numbers, numberLengths)];
  // Longest first at each start; a span inside one already taken is dropped.
  spans.sort((a, b) => a.first - b.first || b.last - a.last);
  const mentions: ProtectedMention[] = [];
  let takenUntil = -1;
  for (const span of spans) {
    if (span.first <= takenUntil) continue;
    takenUntil = span.last;
    const start = tokens[span.first]!.start;
    const end = tokens[span.last]!.end;
    const seen = new Set<string>();
    for (const form of span.forms) {
      if (seen.has(form.identityId)) continue;
      seen.add(form.identityId);
      mentions.push({ identityId: form.identityId, start, end, matched: text.slice(start, end), form });
    }
  }
  return mentions;
}

/** Two halves of one word: letters on both sides and nothing but spaces between. */
function joinable(text: string, a: FormToken, b: FormToken | undefined): b is FormToken {
  return b !== undefined && !a.digits && !b.digits && /^[ \t]+$/.test(text.slice(a.end, b.start));
}

function wordSpans(text: string, tokens: readonly FormToken[], root: TrieNode): Span[] {
  const spans: Span[] = [];
  for (let first = 0; first < tokens.length; first++) {
    let best: Span | undefined;
    const walk = (node: TrieNode, next: number): void => {
      if (node !== root && node.forms.length > 0 && (!best || next - 1 > best.last)) {
        best = { first, last: next - 1, forms: node.forms };
      }
      const token = tokens[next];
      if (!token) return;
      const child = node.children.get(token.key);
      if (child) walk(child, next + 1);
      const following = tokens[next + 1];
      if (joinable(text, token, following)) {
        const joined = node.children.get(token.key + following.key);
        if (joined) walk(joined, next + 2);
      }
    };
    walk(root, first);
    if (best) spans.push(best);
  }
  return spans;
}

function asAnalysisTokens(tokens: readonly FormToken[]): Token[] {
  return tokens.map((token, index) => ({
    index,
    start: token.start,
    end: token.end,
    surface: token.key,
    norm: token.key,
    capitalised: false,
    isNumber: token.digits,
    punctuationBefore: '',
    quoted: false,
  }));
}

/** Runs of number groups with no word between them: one number however it was grouped. */
function numberRuns(tokens: readonly FormToken[]): NumberGroup[][] {
  const runs: NumberGroup[][] = [];
  for (const group of numberGroups(asAnalysisTokens(tokens), { english: true })) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && previous.lastToken + 1 === group.firstToken) run.push(group);
    else runs.push([group]);
  }
  return runs;
}

function numberSpans(
  tokens: readonly FormToken[],
  numbers: ReadonlyMap<string, ProtectedForm[]>,
  numberLengths: readonly number[],
): Span[] {
  if (numbers.size === 0) return [];
  const spans: Span[] = [];
  for (const run of numberRuns(tokens)) {
    // Where each group starts in the run's digits, and which group ends at each position.
    const starts = new Map<number, number>();
    const ends = new Map<number, number>();
    let digits = '';
    run.forEach((group, index) => {
      starts.set(digits.length, index);
      digits += group.digits;
      ends.set(digits.length, index);
    });
    for (const [position, firstGroup] of starts) {
      for (const length of numberLengths) {
        const lastGroup = ends.get(position + length);
        if (lastGroup === undefined) continue;
        const forms = numbers.get(digits.slice(position, position + length));
        if (!forms) continue;
        const spoken = run.slice(firstGroup, lastGroup + 1).some((group) => !group.written);
        spans.push({
          first: run[firstGroup]!.firstToken,
          last: run[lastGroup]!.lastToken,
          forms: spoken
            ? forms.map((form) => ({ ...form, origin: 'number-words', detail: 'said in words' }))
            : forms,
        });
        break;
      }
    }
  }
  return spans;
}

const SEGMENT_SEPARATOR = '\n';

/** Mentions over consecutive segments, each cut into the part that lies in each segment. */
export function findMentionsAcross(matcher: IdentityMatcher, texts: readonly string[]): SegmentMention[] {
  const offsets: number[] = [];
  let joined = '';
  texts.forEach((text, index) => {
    if (index > 0) joined += SEGMENT_SEPARATOR;
    offsets.push(joined.length);
    joined += text;
  });
  return matcher.findMentions(joined).map((mention) => {
    const spans: SegmentSpan[] = [];
    texts.forEach((text, segmentIndex) => {
      const segmentStart = offsets[segmentIndex]!;
      const start = Math.max(mention.start, segmentStart) - segmentStart;
      const end = Math.min(mention.end, segmentStart + text.length) - segmentStart;
      if (end > start) spans.push({ segmentIndex, start, end });
    });
    return { identityId: mention.identityId, form: mention.form, spans };
  });
}
