import type { TranslationHistory } from '../../api/translations.ts';
import { formatDateTime } from '../../format.ts';
import { WordDiff } from './versions-panel.tsx';

/**
 * The versions of one segment's English, newest first, each with what it changed from the one
 * before. A machine translation made after a person's correction is kept and offered, not shown.
 */
export function EnglishVersions({
  history,
  onAdopt,
  busy,
}: {
  history: TranslationHistory;
  /** Saves the newer machine text as the person's choice. */
  onAdopt: (text: string) => void;
  busy: boolean;
}) {
  const newer = history.versions.find((v) => v.translationId === history.newerMachineTranslationId);
  return (
    <div className="english-versions" data-testid="english-versions">
      {newer ? (
        <p className="english-newer" role="note">
          Newer machine translation available (v{newer.version}); the corrected English stays shown.{' '}
          <button type="button" className="small" disabled={busy} onClick={() => onAdopt(newer.text ?? '')}>
            Use the machine text
          </button>
        </p>
      ) : null}
      <ol reversed>
        {[...history.versions].reverse().map((v) => (
          <li key={v.translationId} className={v.current ? 'shown' : undefined} data-testid="english-version">
            <span className="mono">v{v.version}</span>{' '}
            <span className={v.kind === 'machine' ? 'machine-tag' : 'human-tag'}>
              {v.kind === 'machine' ? 'machine translation' : 'human-corrected'}
            </span>{' '}
            <span className="muted">
              {v.kind === 'machine' ? (v.model ?? v.engine) : v.createdBy} · {formatDateTime(v.createdAt)}
              {v.current ? ' · shown' : ''}
            </span>
            <div className="english-diff">
              <WordDiff ops={v.diff} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
