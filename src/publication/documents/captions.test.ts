import { describe, expect, it } from 'vitest';
import { type CaptionSegment, writeSrt, writeWebVtt } from './captions.ts';

// Strict readers of the two formats, written from their definitions (SubRip as players read it;
// WebVTT per the W3C spec's cue grammar), so the writers are checked against the format rather
// than against themselves.
interface ParsedCue {
  index?: number;
  start: number;
  end: number;
  lines: string[];
}

const seconds = (h: string, m: string, s: string, ms: string) =>
  Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;

function parseSrt(text: string): ParsedCue[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n\n')
    .map((block) => {
      const [index, timing, ...lines] = block.split('\n');
      expect(index).toMatch(/^\d+$/);
      const t = /^(\d{2}):(\d{2}):(\d{2}),(\d{3}) --> (\d{2}):(\d{2}):(\d{2}),(\d{3})$/.exec(timing ?? '');
      expect(t, `timing line "${timing}"`).not.toBeNull();
      const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = t as RegExpExecArray;
      for (const line of lines) expect(line.trim()).not.toBe('');
      return {
        index: Number(index),
        start: seconds(h1!, m1!, s1!, ms1!),
        end: seconds(h2!, m2!, s2!, ms2!),
        lines,
      };
    });
}

function parseVtt(text: string): (ParsedCue & { voice: string | null })[] {
  expect(text.startsWith('WEBVTT\n\n')).toBe(true);
  const body = text.slice('WEBVTT\n\n'.length).trimEnd();
  if (body === '') return [];
  return body.split('\n\n').map((block) => {
    const [timing, ...raw] = block.split('\n');
    const t = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$/.exec(timing ?? '');
    expect(t, `timing line "${timing}"`).not.toBeNull();
    const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = t as RegExpExecArray;
    const voiceMatch = /^<v ([^>\n]+)>/.exec(raw[0] ?? '');
    if (voiceMatch) raw[0] = raw[0]!.slice(voiceMatch[0].length);
    const lines = raw.map((line) => {
      // Cue text may hold no '<' but a tag's, no "-->", and '&' only as a character reference.
      expect(line).not.toMatch(/<|-->/);
      expect(line).not.toMatch(/&(?!(amp|lt|gt);)/);
      return line.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    });
    const voice = voiceMatch
      ? voiceMatch[1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')
      : null;
    return { start: seconds(h1!, m1!, s1!, ms1!), end: seconds(h2!, m2!, s2!, ms2!), lines, voice };
  });
}

const russian: CaptionSegment[] = [
  {
    start: 10.6,
    end: 14.09,
    speaker: 'Солдат А',
    text: 'Мам, привет. Это я, [имя]. Это не мой номер, не звони на него.',
  },
  { start: 14.61, end: 18.36, speaker: 'Мать А', text: 'Господи, сынок! Где ты? Мы тут с ума сходим.' },
];
const english: CaptionSegment[] = [
  {
    start: 10.6,
    end: 14.09,
    speaker: 'Soldier A',
    text: "Mum, hi. It's me, [name]. This isn't my number, don't call it.",
  },
  {
    start: 14.61,
    end: 18.36,
    speaker: "A's mother",
    text: 'Oh God, son! Where are you? We are going <mad> & --> here.',
  },
];
const clip = { clipStart: 10, clipEnd: 20 };

describe('SRT', () => {
  it('numbers cues from 1, times them from the clip start, prefixes the speaker and wraps to 2 lines of 42', () => {
    const cues = parseSrt(writeSrt(russian, clip));
    expect(cues.map((c) => c.index)).toEqual(cues.map((_, i) => i + 1));
    expect(cues[0]!.start).toBe(0.6);
    expect(cues.at(-1)!.end).toBe(8.36);
    for (const cue of cues) {
      expect(cue.end).toBeGreaterThan(cue.start);
      expect(cue.lines.length).toBeGreaterThanOrEqual(1);
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(42);
    }
    // All the words come back, in order, speaker first.
    const soldier = cues
      .filter((c) => c.end <= 4.09 + 0.001)
      .flatMap((c) => c.lines)
      .join(' ');
    expect(soldier).toBe('Солдат А: Мам, привет. Это я, [имя]. Это не мой номер, не звони на него.');
  });

  it('splits a long segment into consecutive cues that share its time', () => {
    const long = { start: 10, end: 20, speaker: 'Soldier A', text: 'word '.repeat(60).trim() };
    const cues = parseSrt(writeSrt([long], clip));
    expect(cues.length).toBeGreaterThan(1);
    expect(cues[0]!.start).toBe(0);
    expect(cues.at(-1)!.end).toBeCloseTo(10, 2);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBeCloseTo(cues[i - 1]!.end, 2);
  });

  it('keeps text that would break the format on one cue (line breaks, arrows)', () => {
    const cues = parseSrt(
      writeSrt([{ start: 11, end: 12, speaker: 'B', text: 'one\n\ntwo --> three' }], clip),
    );
    expect(cues).toHaveLength(1);
    expect(cues[0]!.lines.join(' ')).toBe('B: one two -> three');
  });
});

describe('WebVTT', () => {
  it('escapes &, < and "-->", names the speaker in a voice span, and reads back to the same text', () => {
    const vtt = writeWebVtt(english, clip);
    const cues = parseVtt(vtt);
    const mother = cues.filter((c) => c.voice === "A's mother");
    expect(mother.flatMap((c) => c.lines).join(' ')).toBe(
      'Oh God, son! Where are you? We are going <mad> & --> here.',
    );
    expect(vtt).toContain('&lt;mad&gt; &amp; --&gt; here.');
    expect(cues[0]).toMatchObject({ start: 0.6, voice: 'Soldier A' });
    for (const cue of cues) for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(42);
  });

  it('works in Russian and cuts segments at the clip edges', () => {
    const cues = parseVtt(writeWebVtt(russian, { clipStart: 12, clipEnd: 16 }));
    expect(cues[0]!.start).toBe(0);
    expect(cues.at(-1)!.end).toBe(4);
    expect(cues.map((c) => c.voice)).toContain('Мать А');
  });

  it('writes a valid empty file when no segment falls in the clip, and refuses a backwards segment', () => {
    expect(writeWebVtt(russian, { clipStart: 30, clipEnd: 40 })).toBe('WEBVTT\n\n');
    expect(writeSrt(russian, { clipStart: 30, clipEnd: 40 })).toBe('');
    expect(() => writeSrt([{ start: 3, end: 2, speaker: 'A', text: 'x' }], clip)).toThrow(
      /end after it starts/,
    );
  });
});
