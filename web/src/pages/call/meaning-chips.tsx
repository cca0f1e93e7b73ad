import type { MeaningFlag } from '../../api/analysis.ts';
import { categoryColor, categoryLabel } from '../../api/categories.ts';

/** «домой уйду», «хоть сажают»: the phrases that weighed most, heaviest first. */
export function phraseList(flag: MeaningFlag): string {
  return flag.phrases.map((p) => `«${p.surface}»`).join(', ');
}

/**
 * A segment's flags from meaning: one dashed chip each ("meaning · Desertion 0.82"), marked as the
 * classifier's machine judgement, saying where lexicon words of the same category agree. Hovering,
 * focusing or pressing a chip highlights in the text the phrases that weighed most (`onShow`);
 * pressing keeps the highlight until pressed again.
 */
export function MeaningChips({
  flags,
  shown,
  pinned,
  onShow,
  onPin,
}: {
  flags: readonly MeaningFlag[];
  /** The flag whose phrases are highlighted now. */
  shown: MeaningFlag | null;
  pinned: MeaningFlag | null;
  onShow: (flag: MeaningFlag | null) => void;
  onPin: (flag: MeaningFlag | null) => void;
}) {
  if (flags.length === 0) return null;
  return (
    <div className="meaning-chips" data-testid="meaning-chips">
      {flags.map((flag) => {
        const phrases = phraseList(flag);
        return (
          <button
            key={flag.category}
            type="button"
            className={`chip meaning-chip${flag === shown ? ' shown' : ''}`}
            style={{ ['--flag' as string]: categoryColor(flag.category) }}
            data-testid="meaning-chip"
            data-category={flag.category}
            aria-pressed={flag === pinned}
            title={`From meaning: the classifier's judgement, not a word found${phrases ? ` · weighed most: ${phrases}` : ''}`}
            onMouseEnter={() => onShow(flag)}
            onMouseLeave={() => onShow(null)}
            onFocus={() => onShow(flag)}
            onBlur={() => onShow(null)}
            onClick={() => onPin(flag === pinned ? null : flag)}
          >
            <span className="chip-kind">meaning ·</span> {categoryLabel(flag.category)}{' '}
            <span className="mono">{flag.confidence.toFixed(2)}</span>
            {flag.lexiconAgrees ? <span className="meaning-agrees"> · words agree</span> : null}
            <span className="visually-hidden">
              {' '}
              (machine judgement by the meaning classifier
              {phrases ? `; phrases that weighed most: ${phrases}` : ''})
            </span>
          </button>
        );
      })}
    </div>
  );
}
