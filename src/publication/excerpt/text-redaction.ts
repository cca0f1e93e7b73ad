import type { IdentityMatcher, ProtectedIdentity, ProtectedKind } from '../protected-identity.ts';
import type { SegmentedIdentityMatcher } from '../forms/identity-matcher.ts';
import type { ExcerptSourceSegment } from './call-transcript.ts';

/**
 * Text redaction of an excerpt: every protected form in the Russian transcript and the English
 * translation is replaced by the identity's pseudonym in brackets ("[Soldier A]"), and speakers
 * are named by lane ("Speaker 1") or by the pseudonym of a protected voice. Nothing of the
 * original form is kept in the result: the list of redactions holds identity ids and offsets
 * into the REDACTED text only.
 */

export type ExcerptLanguage = 'ru' | 'en';

/**
 * The matcher of the forms module (src/publication/forms/identity-matcher.ts); its search over
 * consecutive texts finds a form whose words run across segment boundaries (a number dictated
 * over several turns) as one mention with a span per segment.
 */
export type ExcerptMatcher = IdentityMatcher & Partial<Pick<SegmentedIdentityMatcher, 'findMentionsAcross'>>;

/** A protected mention in a source segment, kept for the audio plan (never published). */
export interface LocatedMention {
  identityId: string;
  segmentIndex: number;
  start: number;
  end: number;
  /** The mention continues in another segment. */
  spread: boolean;
}

export interface AppliedRedaction {
  identityId: string;
  kind: ProtectedKind;
  pseudonym: string;
  segmentId: string;
  language: ExcerptLanguage;
  /** Where the replacement stands in the redacted text. */
  start: number;
  end: number;
}

export interface RedactedSegment {
  id: string;
  /** "Speaker 1", or the pseudonym of a protected voice. */
  speaker: string;
  lane: string;
  channel: number;
  start: number;
  end: number;
  ru: string;
  /** Null when the segment has no English (not translated, or nothing to translate). */
  en: string | null;
  /** The English was made for an older text of the segment. */
  enStale: boolean;
  /** A person wrote or corrected the English (it is not the translator's output). */
  enCorrected: boolean;
  corrected: boolean;
  hasWordTimings: boolean;
}

export interface TextRedaction {
  segments: RedactedSegment[];
  redactions: AppliedRedaction[];
  /** The Russian mentions with their offsets into the source text, for the audio spans. */
  ruMentions: LocatedMention[];
  /** Lanes whose voice is protected: the audio writer disguises them. */
  protectedVoices: { lane: string; channel: number; identityId: string; pseudonym: string }[];
}

/** Redacts the segments of a selection in both languages. */
export function redactSegments(
  segments: readonly ExcerptSourceSegment[],
  matcher: ExcerptMatcher,
  recordingId: string,
): TextRedaction {
  const identities = new Map(matcher.identities.map((i) => [i.id, i]));
  const ruMentions = locateMentions(
    segments.map((s) => s.text),
    matcher,
  );
  const enTexts = segments.map((s) => s.translation?.text ?? '');
  const enMentions = locateMentions(enTexts, matcher);
  const speakers = speakerNames(segments, matcher.identities, recordingId);
  const redactions: AppliedRedaction[] = [];
  const redacted = segments.map((s, index): RedactedSegment => {
    const ru = replaceMentions(s.text, mentionsOf(ruMentions, index), identities);
    const en = s.translation?.text
      ? replaceMentions(s.translation.text, mentionsOf(enMentions, index), identities)
      : null;
    for (const [language, result] of [
      ['ru', ru],
      ['en', en],
    ] as const) {
      for (const r of result?.applied ?? []) redactions.push({ ...r, segmentId: s.id, language });
    }
    return {
      id: s.id,
      speaker: speakers.get(s.lane)!.name,
      lane: s.lane,
      channel: s.channel,
      start: s.start,
      end: s.end,
      ru: ru.text,
      en: en?.text ?? null,
      enStale: s.translation?.stale ?? false,
      enCorrected: s.translation?.kind === 'human',
      corrected: s.corrected,
      hasWordTimings: s.words.length > 0,
    };
  });
  const protectedVoices = [...speakers.entries()].flatMap(([lane, speaker]) =>
    speaker.voice
      ? [{ lane, channel: speaker.channel, identityId: speaker.voice.id, pseudonym: speaker.name }]
      : [],
  );
  return { segments: redacted, redactions, ruMentions, protectedVoices };
}

/**
 * Every mention in the texts: the cross-segment search where the matcher has it (it finds what
 * each text alone holds as well), else each text on its own.
 */
export function locateMentions(texts: readonly string[], matcher: ExcerptMatcher): LocatedMention[] {
  const found: LocatedMention[] = [];
  texts.forEach((text, segmentIndex) => {
    for (const m of matcher.findMentions(text))
      found.push({ identityId: m.identityId, segmentIndex, start: m.start, end: m.end, spread: false });
  });
  if (matcher.findMentionsAcross) {
    for (const mention of matcher.findMentionsAcross(texts)) {
      const spread = new Set(mention.spans.map((p) => p.segmentIndex)).size > 1;
      for (const span of mention.spans) found.push({ identityId: mention.identityId, ...span, spread });
    }
  }
  return found;
}

function mentionsOf(mentions: readonly LocatedMention[], segmentIndex: number): LocatedMention[] {
  return mentions.filter((m) => m.segmentIndex === segmentIndex && m.end > m.start);
}

/**
 * Replaces each mention by "[pseudonym]". Overlapping mentions become one replacement, named
 * by the longest of them (a surname found alone and inside the full name: the full name).
 */
function replaceMentions(
  text: string,
  mentions: readonly LocatedMention[],
  identities: ReadonlyMap<string, ProtectedIdentity>,
): { text: string; applied: Omit<AppliedRedaction, 'segmentId' | 'language'>[] } {
  const merged = mergeMentions(mentions);
  let out = '';
  let cursor = 0;
  const applied: Omit<AppliedRedaction, 'segmentId' | 'language'>[] = [];
  for (const m of merged) {
    const identity = identities.get(m.identityId);
    const replacement = identity ? `[${identity.pseudonym}]` : '[REDACTED]';
    out += text.slice(cursor, m.start);
    applied.push({
      identityId: m.identityId,
      kind: identity?.kind ?? 'person',
      pseudonym: identity?.pseudonym ?? 'REDACTED',
      start: out.length,
      end: out.length + replacement.length,
    });
    out += replacement;
    cursor = m.end;
  }
  return { text: out + text.slice(cursor), applied };
}

function mergeMentions(mentions: readonly LocatedMention[]): LocatedMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: (LocatedMention & { longest: number })[] = [];
  for (const m of sorted) {
    const last = merged.at(-1);
    if (last && m.start < last.end) {
      if (m.end - m.start > last.longest)
        Object.assign(last, { identityId: m.identityId, longest: m.end - m.start });
      last.end = Math.max(last.end, m.end);
    } else merged.push({ ...m, longest: m.end - m.start });
  }
  return merged;
}

interface SpeakerName {
  name: string;
  channel: number;
  voice?: ProtectedIdentity;
}

/** Lanes in order of first speech: "Speaker 1", "Speaker 2"; a protected voice by its pseudonym. */
function speakerNames(
  segments: readonly ExcerptSourceSegment[],
  identities: readonly ProtectedIdentity[],
  recordingId: string,
): Map<string, SpeakerName> {
  const names = new Map<string, SpeakerName>();
  let next = 1;
  for (const s of [...segments].sort((a, b) => a.start - b.start)) {
    if (names.has(s.lane)) continue;
    const voice = identities.find(
      (i) => i.kind === 'voice' && i.voice?.recordingId === recordingId && i.voice.lane === s.lane,
    );
    names.set(
      s.lane,
      voice
        ? { name: voice.pseudonym, channel: s.channel, voice }
        : { name: `Speaker ${next++}`, channel: s.channel },
    );
  }
  return names;
}
