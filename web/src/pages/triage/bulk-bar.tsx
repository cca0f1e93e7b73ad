import { useState } from 'react';
import { errorText } from '../../api/http.ts';
import type { Session } from '../../api/session.ts';
import { bulkRerun, bulkTag, mayRerun, mayTag, type RerunStage } from '../../api/triage.ts';

const STAGES: readonly RerunStage[] = ['decode', 'fingerprint', 'vad', 'transcribe', 'translate', 'analyse'];

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * What to do with the calls ticked on the Calls page: tag or untag them all, or run a stage again
 * on them. Each answer says what was done and what was not (calls not found, waiting, running).
 */
export function BulkBar({
  session,
  selected,
  tagSuggestions,
  onDone,
  onClear,
}: {
  session: Session | null;
  selected: readonly string[];
  tagSuggestions: readonly string[];
  onDone: () => void;
  onClear: () => void;
}) {
  const [tag, setTag] = useState('');
  const [stage, setStage] = useState<RerunStage>('analyse');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (selected.length === 0 || !session) return null;
  const canTag = mayTag(session);
  const canRerun = mayRerun(session);

  const run = async (action: () => Promise<string>) => {
    try {
      setMessage({ text: await action(), error: false });
      onDone();
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    }
  };
  const tagAll = (remove: boolean) =>
    run(async () => {
      if (!tag.trim()) throw new Error('Type the tag first.');
      const r = await bulkTag(selected, tag.trim(), remove);
      const verb = remove ? 'Removed' : 'Tagged';
      return (
        `${verb} “${r.tag}”: ${plural(r.changed.length, 'call')}` +
        (r.unchanged.length > 0
          ? `; ${r.unchanged.length} ${remove ? 'did not have it' : 'had it already'}`
          : '') +
        (r.notFound.length > 0 ? `; ${r.notFound.length} not found` : '')
      );
    });
  const rerun = () =>
    run(async () => {
      const r = await bulkRerun(selected, stage);
      return (
        `${stage}: ${plural(r.scheduled.length, 'call')} scheduled` +
        (r.queued || r.scheduled.length === 0 ? '' : ' (a worker picks them up when it starts)') +
        (r.waitingForPreviousStage.length > 0
          ? `; ${r.waitingForPreviousStage.length} wait for the stage before it`
          : '') +
        (r.running.length > 0 ? `; ${r.running.length} running now, left alone` : '')
      );
    });

  return (
    <div className="bulk-bar" role="region" aria-label="Selected calls" data-testid="bulk-bar">
      <strong>{plural(selected.length, 'call')} selected</strong>
      {canTag ? (
        <span className="bulk-group">
          <input
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            placeholder="tag"
            aria-label="Tag for the selected calls"
            list="bulk-tag-suggestions"
            maxLength={60}
            data-testid="bulk-tag-input"
          />
          <datalist id="bulk-tag-suggestions">
            {tagSuggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="button" className="small" onClick={() => void tagAll(false)} data-testid="bulk-tag">
            Tag
          </button>
          <button type="button" className="small" onClick={() => void tagAll(true)}>
            Untag
          </button>
        </span>
      ) : null}
      {canRerun ? (
        <span className="bulk-group">
          <select
            value={stage}
            onChange={(e) => setStage(e.target.value as RerunStage)}
            aria-label="Stage to run again"
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button type="button" className="small" onClick={() => void rerun()}>
            Run again
          </button>
        </span>
      ) : null}
      {!canTag && !canRerun ? (
        <span className="muted">Your role may not tag calls or run stages; star them one by one.</span>
      ) : null}
      <button type="button" className="link" onClick={onClear}>
        Clear selection
      </button>
      {message ? (
        <span
          className={message.error ? 'error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
          data-testid="bulk-message"
        >
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
