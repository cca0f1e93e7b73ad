import type { StageRun } from '../api/recordings.ts';
import { categoryColor, categoryLabel } from '../api/categories.ts';

export function ErrorMessage({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert">
      {error}
    </div>
  );
}

/** One dot per pipeline stage; the title says which stage and why it failed. */
const PIPELINE_ORDER = ['decode', 'vad', 'transcribe', 'translate', 'analyse'];
function inPipelineOrder(stages: StageRun[]): StageRun[] {
  const rank = (stage: string) => {
    const at = PIPELINE_ORDER.indexOf(stage);
    return at < 0 ? PIPELINE_ORDER.length : at;
  };
  return [...stages].sort((a, b) => rank(a.stage) - rank(b.stage));
}

export function StageDots({ stages }: { stages: StageRun[] }) {
  return (
    <span className="stage-dots">
      {inPipelineOrder(stages).map((s) => (
        <span
          key={s.stage}
          className={`stage-dot stage-${s.status}`}
          title={`${s.stage}: ${s.status}${s.error ? ` — ${s.error}` : ''}`}
        />
      ))}
    </span>
  );
}

export function StageChips({ stages }: { stages: StageRun[] }) {
  return (
    <span className="stage-chips" data-testid="stage-chips">
      {inPipelineOrder(stages).map((s) => (
        <span
          key={s.stage}
          className={`stage-chip stage-${s.status}`}
          data-stage={s.stage}
          data-status={s.status}
          title={s.error ?? `${s.stage} ${s.status}, attempt ${s.attempts}`}
        >
          {s.stage}: {s.status}
        </span>
      ))}
    </span>
  );
}

export function CategoryFlag({ category, count }: { category: string; count?: number }) {
  return (
    <span className="flag" style={{ borderColor: categoryColor(category), color: categoryColor(category) }}>
      {categoryLabel(category)}
      {count !== undefined && count > 1 ? ` ×${count}` : ''}
    </span>
  );
}
