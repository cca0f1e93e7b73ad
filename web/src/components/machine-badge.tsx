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

/**
 * Said wherever demo-collection output is shown: the demo models read the synthetic demo voices
 * and little else, so nobody may take their text for what a production model would write.
 */
export function DemoModelsNotice({ scope }: { scope: 'call' | 'list' }) {
  return (
    <p className="demo-models-notice" role="note" data-testid="demo-models-notice">
      <strong>Demo models.</strong> {scope === 'call' ? 'This call is' : 'Calls of the demo collection are'}{' '}
      transcribed and translated by small demo models that read synthetic voices only. Your own collections
      use the models you install (<code>npx earshot models install --defaults</code>).
    </p>
  );
}
