/**
 * SRT and WebVTT captions of an excerpt, from segments whose text is already redacted and whose
 * speakers are pseudonyms. Times move from the call to the clip (0 = the clip's first sample);
 * text is wrapped to short lines and a long segment becomes several cues, timed in proportion to
 * their length, so a caption never covers the picture or outruns the listener.
 */

/** Bad caption input: nothing was written. */
export class CaptionInputError extends Error {}

export interface CaptionSegment {
  /** Seconds from the start of the call. */
  start: number;
  end: number;
  /** A pseudonym ("Soldier A"), never a name. */
  speaker: string;
  /** Already redacted. */
  text: string;
}

export interface CaptionClip {
  /** The clip's window in seconds from the start of the call. */
  clipStart: number;
  clipEnd: number;
  /** Characters per line (default 42) and lines per cue (default 2), as broadcasters use. */
  maxLineLength?: number;
  maxLines?: number;
}

export interface Cue {
  /** Seconds from the clip's start. */
  start: number;
  end: number;
  speaker: string;
  lines: string[];
}

const DEFAULT_LINE_LENGTH = 42;
const DEFAULT_LINES = 2;

/** The cues of the segments that fall in the clip, in order of start time. */
export function captionCues(
  segments: readonly CaptionSegment[],
  clip: CaptionClip,
  prefixSpeaker: boolean,
): Cue[] {
  const lineLength = clip.maxLineLength ?? DEFAULT_LINE_LENGTH;
  const maxLines = clip.maxLines ?? DEFAULT_LINES;
  if (!(clip.clipEnd > clip.clipStart))
    throw new CaptionInputError('the clip is empty: it must end after it starts');
  const length = clip.clipEnd - clip.clipStart;
  const cues: Cue[] = [];
  for (const segment of segments) {
    if (!Number.isFinite(segment.start) || !Number.isFinite(segment.end) || segment.end <= segment.start) {
      throw new CaptionInputError(
        `a caption segment must end after it starts (got ${segment.start}–${segment.end} s)`,
      );
    }
    const start = Math.max(0, segment.start - clip.clipStart);
    const end = Math.min(length, segment.end - clip.clipStart);
    const speaker = oneLine(segment.speaker);
    const text = oneLine(segment.text);
    if (end <= start || text === '') continue;
    const words = (prefixSpeaker && speaker ? `${speaker}: ${text}` : text).split(' ');
    const chunks = chunk(wrap(words, lineLength), maxLines);
    const total = chunks.reduce((sum, lines) => sum + lines.join(' ').length, 0);
    let at = start;
    for (const lines of chunks) {
      const share = ((end - start) * lines.join(' ').length) / total;
      cues.push({ start: at, end: Math.min(end, at + share), speaker, lines });
      at += share;
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

// A line break or a blank line inside a segment would end an SRT cue early.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function wrap(words: string[], lineLength: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.flatMap((w) => hardSplit(w, lineLength))) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= lineLength) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

// A "word" longer than a line (a URL, a run of digits) is cut rather than overflowing.
function hardSplit(word: string, lineLength: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < word.length; i += lineLength) parts.push(word.slice(i, i + lineLength));
  return parts;
}

function chunk(lines: string[], size: number): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < lines.length; i += size) chunks.push(lines.slice(i, i + size));
  return chunks;
}

function timestamp(seconds: number, separator: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  const hh = Math.floor(ms / 3_600_000);
  const mm = Math.floor(ms / 60_000) % 60;
  const ss = Math.floor(ms / 1000) % 60;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${separator}${pad(ms % 1000, 3)}`;
}

/** Cues whose rounded times are still in order (a cue shorter than a millisecond is dropped). */
function timedCues(cues: Cue[], separator: ',' | '.'): { cue: Cue; from: string; to: string }[] {
  return cues
    .map((cue) => ({ cue, from: timestamp(cue.start, separator), to: timestamp(cue.end, separator) }))
    .filter(({ from, to }) => to > from);
}

/** SubRip: numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm", the speaker before the text. */
export function writeSrt(segments: readonly CaptionSegment[], clip: CaptionClip): string {
  const blocks = timedCues(captionCues(segments, clip, true), ',').map(({ cue, from, to }, index) =>
    // SRT has no escaping; an arrow inside the text would read as a timing line to some players.
    [String(index + 1), `${from} --> ${to}`, ...cue.lines.map((l) => l.replaceAll('-->', '->'))].join('\n'),
  );
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** WebVTT: the speaker as a voice span (<v Soldier A>), text escaped (&, <, >). */
export function writeWebVtt(segments: readonly CaptionSegment[], clip: CaptionClip): string {
  const blocks = timedCues(captionCues(segments, clip, false), '.').map(({ cue, from, to }) => {
    const voice = cue.speaker ? `<v ${escapeVtt(cue.speaker)}>` : '';
    const lines = cue.lines.map(escapeVtt);
    return [`${from} --> ${to}`, `${voice}${lines.join('\n')}`].join('\n');
  });
  return `WEBVTT\n\n${blocks.map((b) => `${b}\n\n`).join('')}`;
}

/** Escapes the characters WebVTT cue text reserves; "-->" becomes "--&gt;". */
export function escapeVtt(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
