import { describe, expect, it } from 'vitest';
import { literalTestMatcher, testIdentity } from '../../../test/helpers/literal-test-matcher.ts';
import type { TranscriptWord } from '../../db/schema.ts';
import { audioRedactionSpans, locateWords } from './audio-spans.ts';
import type { ExcerptSourceSegment } from './call-transcript.ts';
import { redactSegments } from './text-redaction.ts';

// Text redaction and audio spans of an excerpt, over segments built here and a literal test
// matcher (the forms module's matcher has its own tests).

const soldier = testIdentity('person', 'Дмитрий Самойлов', 'Soldier A');
const town = testIdentity('place', 'Шахты', 'Town 1');
const phone = testIdentity('phone', '+79161234567', 'Number 1');
const matcher = literalTestMatcher([
  { identity: soldier, forms: ['Дима', 'Самойлов', 'Сам ойлов', 'Dima', 'Samoylov'] },
  { identity: town, forms: ['Шахты', 'Shakhty'] },
  { identity: phone, forms: ['916 123 45 67', '916 123-45-67'] },
]);

/** Words as the recogniser times them: one per token of the text, 0.5 s each from `start`. */
function timedWords(text: string, start: number): TranscriptWord[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({
      w: w.replace(/[.,!?]/g, ''),
      start: start + i * 0.5,
      end: start + i * 0.5 + 0.4,
      conf: 0.9,
    }));
}

function segment(
  id: string,
  text: string,
  start: number,
  options: { en?: string; lane?: string; words?: TranscriptWord[] | 'none'; corrected?: boolean } = {},
): ExcerptSourceSegment {
  return {
    id,
    position: Number(id),
    channel: options.lane === 'channel-1' ? 1 : 0,
    lane: options.lane ?? 'channel-0',
    start,
    end: start + 5,
    text,
    words: options.words === 'none' ? [] : (options.words ?? timedWords(text, start)),
    corrected: options.corrected ?? false,
    translation: options.en
      ? {
          kind: 'machine',
          text: options.en,
          status: 'translated',
          engine: 'opus-mt',
          model: 'opus-mt-ru-en',
          modelSha256: null,
          translationId: 't-1',
          createdBy: null,
          stale: false,
        }
      : null,
  };
}

const range = { from: 0, to: 60 };

describe('text redaction', () => {
  it('replaces every protected form in Russian and English by the pseudonym and lists each redaction', () => {
    const result = redactSegments(
      [
        segment('1', 'Мам, это я, Дима. Я в Шахты еду.', 0, {
          en: "Mum, it's me, Dima. I'm going to Shakhty.",
        }),
      ],
      matcher,
      'rec-1',
    );
    expect(result.segments[0]!.ru).toBe('Мам, это я, [Soldier A]. Я в [Town 1] еду.');
    expect(result.segments[0]!.en).toBe("Mum, it's me, [Soldier A]. I'm going to [Town 1].");
    expect(result.redactions.map((r) => [r.identityId, r.kind, r.language, r.segmentId])).toEqual([
      [soldier.id, 'person', 'ru', '1'],
      [town.id, 'place', 'ru', '1'],
      [soldier.id, 'person', 'en', '1'],
      [town.id, 'place', 'en', '1'],
    ]);
    const ru = result.segments[0]!.ru;
    expect(result.redactions.filter((r) => r.language === 'ru').map((r) => ru.slice(r.start, r.end))).toEqual(
      ['[Soldier A]', '[Town 1]'],
    );
  });

  it('leaves a protected name inside another word alone, and finds one in Latin script in Russian text', () => {
    const result = redactSegments(
      [segment('1', 'Водим по Shakhty, Димасик и Самойловка тут.', 0)],
      matcher,
      'r',
    );
    expect(result.segments[0]!.ru).toBe('Водим по [Town 1], Димасик и Самойловка тут.');
  });

  it('redacts a number spread over several segments in every segment it runs through', () => {
    const result = redactSegments(
      [segment('1', 'запиши номер 916 123', 0), segment('2', '45 67 записал?', 5)],
      matcher,
      'r',
    );
    expect(result.segments.map((s) => s.ru)).toEqual(['запиши номер [Number 1]', '[Number 1] записал?']);
    expect(result.ruMentions.filter((m) => m.spread).map((m) => m.segmentIndex)).toEqual([0, 1]);
  });

  it('names speakers by lane in order of first speech, and a protected voice by its pseudonym', () => {
    const voice = testIdentity('voice', 'mother', "A's mother", {
      voice: { recordingId: 'rec-9', lane: 'channel-1' },
    });
    const withVoice = literalTestMatcher([{ identity: voice, forms: [] }]);
    const segments = [segment('1', 'алло', 0, { lane: 'channel-1' }), segment('2', 'привет', 5)];
    const onThisCall = redactSegments(segments, withVoice, 'rec-9');
    expect(onThisCall.segments.map((s) => s.speaker)).toEqual(["A's mother", 'Speaker 1']);
    expect(onThisCall.protectedVoices).toEqual([
      { lane: 'channel-1', channel: 1, identityId: voice.id, pseudonym: "A's mother" },
    ]);
    const onAnotherCall = redactSegments(segments, withVoice, 'rec-10');
    expect(onAnotherCall.segments.map((s) => s.speaker)).toEqual(['Speaker 1', 'Speaker 2']);
    expect(onAnotherCall.protectedVoices).toEqual([]);
  });
});

describe('audio redaction spans', () => {
  it('covers the protected word from its word timing, with the margin', () => {
    const segments = [segment('1', 'это я Дима привет', 10)];
    const { ruMentions } = redactSegments(segments, matcher, 'r');
    const spans = audioRedactionSpans(segments, ruMentions, { mode: 'tone', marginSeconds: 0.1, range });
    // "Дима" is the third word: 11.0–11.4 s.
    expect(spans).toEqual([
      {
        start: 10.9,
        end: 11.5,
        mode: 'tone',
        identityId: soldier.id,
        identityIds: [soldier.id],
        reason: 'word-timing',
        fallbackSegmentIds: [],
      },
    ]);
  });

  it('covers both words of a name the recogniser split in two', () => {
    const segments = [segment('1', 'это Сам ойлов говорит', 0)];
    const spans = audioRedactionSpans(segments, redactSegments(segments, matcher, 'r').ruMentions, {
      mode: 'silence',
      marginSeconds: 0,
      range,
    });
    expect(spans.map((s) => [s.start, s.end, s.reason])).toEqual([[0.5, 1.4, 'word-timing']]);
  });

  it('falls back to the whole segment when the protected word has no timing, and says so', () => {
    const corrected = segment('7', 'это Дима звонит', 20, { words: 'none', corrected: true });
    const spans = audioRedactionSpans([corrected], redactSegments([corrected], matcher, 'r').ruMentions, {
      mode: 'tone',
      range,
    });
    expect(spans).toEqual([
      expect.objectContaining({ start: 20, end: 25, reason: 'segment-fallback', fallbackSegmentIds: ['7'] }),
    ]);
  });

  it('falls back when a person changed the word the timings were for', () => {
    // The recogniser heard "Лима"; a person corrected it to "Дима" and kept the old timings.
    const edited = segment('8', 'это Дима звонит', 0, { words: timedWords('это Лима звонит', 0) });
    const spans = audioRedactionSpans([edited], redactSegments([edited], matcher, 'r').ruMentions, {
      mode: 'tone',
      range,
    });
    expect(spans.map((s) => s.reason)).toEqual(['segment-fallback']);
  });

  it('merges overlapping spans and clips them to the excerpt', () => {
    const segments = [segment('1', 'Дима Самойлов из Шахты', 0)];
    const { ruMentions } = redactSegments(segments, matcher, 'r');
    const spans = audioRedactionSpans(segments, ruMentions, {
      mode: 'tone',
      marginSeconds: 0.25,
      range: { from: 0.2, to: 60 },
    });
    // Дима 0–0.4 and Самойлов 0.5–0.9 overlap once widened; Шахты 1.5–1.9 stays apart.
    const rounded = (n: number) => Number(n.toFixed(2));
    expect(spans.map((s) => [rounded(s.start), rounded(s.end), s.identityIds])).toEqual([
      [0.2, 1.15, [soldier.id]],
      [1.25, 2.15, [town.id]],
    ]);
  });

  it('places words in the text whatever their case, ё or attached punctuation', () => {
    const words = [
      { w: 'Её', start: 0, end: 1, conf: null },
      { w: 'Дима,', start: 1, end: 2, conf: null },
      { w: 'нет', start: 2, end: 3, conf: null },
    ];
    expect(locateWords('её ДИМА, да', words).map((p) => p && [p.start, p.end])).toEqual([
      [0, 2],
      [3, 7],
      null,
    ]);
  });
});
