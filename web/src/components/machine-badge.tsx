import { formatPercent } from '../format.ts';

/**
 * Marks text a machine produced, with the model that produced it and how sure it was: readers must
 * never mistake a recogniser's guess for a human's reading.
 */
export function MachineBadge({
  what,
  model,
  confidence,
  stale,
}: {
  what: string;
  model?: string | null;
  confidence?: number | null;
  stale?: boolean;
}) {
  const parts = [model ?? 'model unknown'];
  if (confidence !== undefined && confidence !== null) parts.push(`confidence ${formatPercent(confidence)}`);
  return (
    <span className="machine-badge" title={`${what} by ${parts.join(', ')}`} data-testid="machine-badge">
      <span className="machine-badge-kind">machine {what}</span>
      <span className="machine-badge-model">{parts.join(' · ')}</span>
      {stale ? <span className="stale-flag">stale</span> : null}
    </span>
  );
}

export function HumanBadge({ author, when }: { author: string; when: string }) {
  return (
    <span className="human-badge" title="Corrected by a person">
      human correction · {author} · {when}
    </span>
  );
}
