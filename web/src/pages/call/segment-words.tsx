import { useRef, useState, type KeyboardEvent } from 'react';
import type { AnalysisEntity, AnalysisMatch } from '../../api/analysis.ts';
import { categoryColor, categoryLabel } from '../../api/categories.ts';
import type { Segment, Word } from '../../api/transcripts.ts';
import { formatClock, formatPercent } from '../../format.ts';
import { nextRovingIndex, rovingStop } from './roving-index.ts';
import { splitSegmentText, type TextRange } from './segment-text.ts';

/** Below this a recognised word is shown as doubtful. */
export const LOW_CONFIDENCE = 0.6;

/** The id of the transcript's one hint on the word keys, which every segment's words point to. */
export const WORD_KEYS_HINT_ID = 'transcript-word-keys';

/** The hint itself, once per transcript (read out by screen readers, not shown). */
export function WordKeysHint() {
  return (
    <p id={WORD_KEYS_HINT_ID} className="visually-hidden">
      Left and right arrows move between the words of a segment, Home and End to its first and last word;
      Enter or Space plays from the word.
    </p>
  );
}

/**
 * A timed word is a button in its segment's toolbar: one Tab stop per segment (roving tabindex),
 * Enter or Space seeks to it as a click does. A code word carries its gloss as its accessible
 * name, on a role that may be named (the word's button, or a note), so a screen reader reads it.
 */
function wordAccess(
  word: { start: number } | undefined,
  gloss: string | undefined,
  tabStop: boolean,
  onSeek: (seconds: number) => void,
): React.HTMLAttributes<HTMLSpanElement> {
  if (!word) return gloss ? { role: 'note', 'aria-label': gloss } : {};
  return {
    role: 'button',
    tabIndex: tabStop ? 0 : -1,
    'aria-label': gloss,
    onClick: () => onSeek(word.start),
    onKeyDown: (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      // Seeks as a click does; Space here is not also the player's play/pause key.
      event.preventDefault();
      event.stopPropagation();
      onSeek(word.start);
    },
  };
}

/**
 * When a word is said, and how sure: the recogniser's confidence, or how the time of a word a
 * person changed was found (aligned to the audio, or estimated).
 */
function wordTitle(word: Word): string | undefined {
  if (word.estimated) return `${formatClock(word.start, true)} · time estimated after an edit`;
  if (word.aligned) return `${formatClock(word.start, true)} · time aligned to the audio after an edit`;
  return word.conf !== null
    ? `${formatClock(word.start, true)} · confidence ${formatPercent(word.conf)}`
    : undefined;
}

/**
 * The segment's text cut into words, code words and entities. With timed words it is a toolbar
 * whose arrow keys move between them (and not the player's ±5 s, which they would otherwise be).
 */
export function SegmentText({
  segment,
  matches,
  entities,
  activeWord,
  onSeek,
  phrases = [],
}: {
  segment: Segment;
  matches: AnalysisMatch[];
  entities: AnalysisEntity[];
  activeWord: number | null;
  onSeek: (seconds: number) => void;
  /** Phrases of the meaning flag looked at, highlighted. */
  phrases?: readonly TextRange[];
}) {
  const words = segment.words ?? [];
  const pieces = splitSegmentText(segment.text, words, matches, entities, phrases);
  const timedCount = pieces.filter((p) => p.wordIndex !== null && words[p.wordIndex]).length;
  const [remembered, setRemembered] = useState(0);
  const stop = rovingStop(remembered, timedCount);
  const ref = useRef<HTMLParagraphElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLParagraphElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const next = nextRovingIndex(stop, event.key, timedCount);
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    setRemembered(next);
    ref.current?.querySelectorAll<HTMLElement>('[data-word-stop]')[next]?.focus();
  };
  const toolbar =
    timedCount > 0
      ? {
          role: 'toolbar',
          'aria-label': `Words at ${formatClock(segment.start)}`,
          'aria-describedby': WORD_KEYS_HINT_ID,
          onKeyDown,
        }
      : {};

  let ordinal = 0;
  return (
    <p ref={ref} className="segment-text" lang={segment.language ?? 'ru'} {...toolbar}>
      {pieces.map((piece) => {
        const word = piece.wordIndex !== null ? words[piece.wordIndex] : undefined;
        const own = word ? ordinal++ : null;
        const classes = ['piece'];
        if (word) classes.push('word');
        if (word && word.conf !== null && word.conf < LOW_CONFIDENCE) classes.push('low-conf');
        if (word?.estimated) classes.push('estimated-timing');
        if (word?.aligned) classes.push('aligned-timing');
        if (piece.wordIndex !== null && piece.wordIndex === activeWord) classes.push('current-word');
        if (piece.match) classes.push('code-word');
        if (piece.entity) classes.push(`entity entity-${piece.entity.kind}`);
        if (piece.phrase) classes.push('meaning-phrase');
        const gloss = piece.match
          ? `${piece.match.surface} — ${piece.match.gloss} (${categoryLabel(piece.match.category)}, ${formatPercent(piece.match.confidence)})`
          : undefined;
        return (
          <span
            key={piece.start}
            className={classes.join(' ')}
            data-word-start={word ? word.start.toFixed(2) : undefined}
            data-word-stop={own ?? undefined}
            data-gloss={gloss}
            {...wordAccess(word, gloss, own === stop, onSeek)}
            onFocus={own === null ? undefined : () => setRemembered(own)}
            style={piece.match ? { ['--flag' as string]: categoryColor(piece.match.category) } : undefined}
            title={word ? wordTitle(word) : undefined}
          >
            {piece.text}
          </span>
        );
      })}
    </p>
  );
}
