import type { ProtectedIdentity, ProtectedMention } from '../../src/publication/protected-identity.ts';
import type {
  SegmentMention,
  SegmentedIdentityMatcher,
} from '../../src/publication/forms/identity-matcher.ts';

/**
 * A TEST matcher over literal forms given by the test (no inflection, no transliteration): it finds
 * each form as whole words, case- and ё-insensitive, the words of a form separated by any white
 * space. It stands in for the forms module's matcher (src/publication/forms/) in the excerpt's
 * unit tests, so that they test the excerpt's use of mentions, not the forms. findMentionsAcross
 * treats the texts as one text with a line break between segments.
 */
export function literalTestMatcher(
  entries: readonly { identity: ProtectedIdentity; forms: readonly string[] }[],
): SegmentedIdentityMatcher {
  const patterns = entries.flatMap(({ identity, forms }) =>
    forms.map((form) => ({
      identity,
      form,
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])${fold(form)
          .split(/\s+/)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\s+')}(?![\\p{L}\\p{N}])`,
        'gu',
      ),
    })),
  );
  const find = (text: string): ProtectedMention[] => {
    const folded = fold(text);
    return patterns.flatMap(({ identity, form, regex }) =>
      [...folded.matchAll(regex)].map((m) => ({
        identityId: identity.id,
        start: m.index,
        end: m.index + m[0].length,
        matched: text.slice(m.index, m.index + m[0].length),
        form: { identityId: identity.id, text: fold(form), origin: 'as-entered' as const },
      })),
    );
  };
  return {
    identities: entries.map((e) => e.identity),
    findMentions: find,
    findMentionsAcross(texts: readonly string[]): SegmentMention[] {
      const starts: number[] = [];
      let joined = '';
      for (const text of texts) {
        starts.push(joined.length);
        joined += `${text}\n`;
      }
      const spread: SegmentMention[] = [];
      for (const m of find(joined)) {
        const parts = texts.flatMap((text, segmentIndex) => {
          const start = Math.max(m.start, starts[segmentIndex]!) - starts[segmentIndex]!;
          const end = Math.min(m.end, starts[segmentIndex]! + text.length) - starts[segmentIndex]!;
          return end > start ? [{ segmentIndex, start, end }] : [];
        });
        if (parts.length > 1) spread.push({ identityId: m.identityId, form: m.form, spans: parts });
      }
      return spread;
    },
  };
}

/** Lower case and ё → е, length kept (the offsets are the text's). */
function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

let counter = 0;

/** A register entry for a test; the id is unique within the test run. */
export function testIdentity(
  kind: ProtectedIdentity['kind'],
  label: string,
  pseudonym: string,
  extra: Partial<ProtectedIdentity> = {},
): ProtectedIdentity {
  counter += 1;
  return {
    id: `test-identity-${counter}`,
    collectionId: 'test-collection',
    kind,
    label,
    pseudonym,
    ...extra,
  };
}
