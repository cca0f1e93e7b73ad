import { useState } from 'react';
import { errorText } from '../../api/http.ts';
import type { TranscriptVersion } from '../../api/transcripts.ts';
import { formatDateTime } from '../../format.ts';
import type { ShownDiff } from './use-call-data.ts';
import { DiffView } from './versions-panel.tsx';

/**
 * A machine run made after a person's correction does not replace it: the desk offers the newer
 * machine transcript, with what it changes against the current version, and a person decides.
 */
export function MachineOfferNotice({
  offered,
  current,
  diff,
  diffError,
  onCompare,
  onDecide,
}: {
  offered: TranscriptVersion;
  current: TranscriptVersion;
  /** The diff current → offered when it is the one shown, else null. */
  diff: ShownDiff | null;
  diffError: string | null;
  onCompare: (from: number, to: number) => void;
  onDecide: (version: number, decision: 'adopt' | 'keep') => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'adopt' | 'keep') => {
    setBusy(true);
    setError(null);
    onDecide(offered.version, decision).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(errorText(e));
      },
    );
  };
  return (
    <section
      className="machine-offer"
      role="region"
      aria-label="Newer machine transcript"
      data-testid="machine-offer"
    >
      <p>
        <strong>Newer machine transcript available:</strong> v{offered.version} by{' '}
        {offered.model ?? 'the recogniser'} ({formatDateTime(offered.createdAt)}). The correction v
        {current.version} by {current.createdBy} stays current until you decide.
      </p>
      <div className="machine-offer-actions">
        <button type="button" className="small" onClick={() => onCompare(current.version, offered.version)}>
          Compare v{current.version} → v{offered.version}
        </button>
        <button type="button" className="small primary" disabled={busy} onClick={() => decide('adopt')}>
          Adopt machine v{offered.version}
        </button>
        <button type="button" className="small" disabled={busy} onClick={() => decide('keep')}>
          Keep correction v{current.version}
        </button>
      </div>
      {error ? (
        <div className="error-inline" role="alert">
          {error}
        </div>
      ) : null}
      {diffError ? <div className="error-inline">{diffError}</div> : null}
      {diff ? <DiffView diff={diff.diff} /> : null}
    </section>
  );
}
