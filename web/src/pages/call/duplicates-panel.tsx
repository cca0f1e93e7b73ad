import { useState, type FormEvent } from 'react';
import {
  decideDuplicateLead,
  listDuplicateLeads,
  type DuplicateDecision,
  type DuplicateLead,
} from '../../api/duplicates.ts';
import { errorText } from '../../api/http.ts';
import { MachineBadge } from '../../components/machine-badge.tsx';
import { ErrorMessage } from '../../components/status.tsx';
import { formatClock, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { hrefFor } from '../../router.ts';

/**
 * "Same call as …": calls whose acoustic fingerprint matches this one (re-encoded, trimmed or
 * mixed to mono), as machine leads. A person confirms or rejects each with a reason; nothing is
 * merged either way. Loads its own data, so the Call page only places it.
 */
export function DuplicatesPanel({ recordingId }: { recordingId: string }) {
  const { data, error, reload } = useLoad(recordingId, (signal) => listDuplicateLeads(recordingId, signal));
  if (!data || data.leads.length === 0) {
    return error ? <ErrorMessage error={error} /> : null;
  }
  return (
    <section className="panel duplicates-panel" data-testid="duplicates">
      <h2>Same call as …</h2>
      <ErrorMessage error={error} />
      <ul className="duplicate-leads">
        {data.leads.map((lead) => (
          <LeadItem
            key={lead.id}
            recordingId={recordingId}
            lead={lead}
            mayDecide={data.mayDecide}
            onDecided={reload}
          />
        ))}
      </ul>
    </section>
  );
}

function LeadItem({
  recordingId,
  lead,
  mayDecide,
  onDecided,
}: {
  recordingId: string;
  lead: DuplicateLead;
  mayDecide: boolean;
  onDecided: () => void;
}) {
  const [deciding, setDeciding] = useState<DuplicateDecision['decision'] | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!deciding) return;
    if (!reason.trim()) return setProblem('Say why.');
    try {
      await decideDuplicateLead(recordingId, lead.id, { decision: deciding, reason: reason.trim() });
      setDeciding(null);
      setReason('');
      setProblem(null);
      onDecided();
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return (
    <li className={`duplicate-lead lead-${lead.status}`} data-testid="duplicate-lead">
      <div className="duplicate-head">
        <a href={hrefFor(`call/${lead.other.recordingId}`)}>{lead.other.originalFilename}</a>
        <span className="muted">
          {' '}
          · {lead.other.collection}
          {lead.other.callStartedAt ? ` · ${formatDateTime(lead.other.callStartedAt)}` : ''}
        </span>
      </div>
      <MachineBadge what="lead" model={`Chromaprint fingerprint · similarity ${lead.score.toFixed(2)}`} />
      <div className="duplicate-measure">
        {formatClock(lead.overlapSeconds)} in common; {offsetInWords(lead.offsetSeconds)} ·{' '}
        {channelInWords(lead.channelOfThis)} here ~ {channelInWords(lead.channelOfOther)} there
      </div>
      <div className="duplicate-status" data-testid="duplicate-status">
        {lead.status === 'proposed' ? (
          <span className="muted">Nobody has decided yet.</span>
        ) : (
          <span>
            <strong>{lead.status === 'confirmed' ? 'Confirmed' : 'Rejected'}</strong> by {lead.decidedBy} ·{' '}
            {formatDateTime(lead.decidedAt)}: {lead.reason}
          </span>
        )}
      </div>
      {mayDecide && deciding === null ? (
        <div className="duplicate-actions">
          <button type="button" className="small" onClick={() => setDeciding('confirmed')}>
            Same call
          </button>
          <button type="button" className="small" onClick={() => setDeciding('rejected')}>
            Not the same
          </button>
        </div>
      ) : null}
      {deciding ? (
        <form className="duplicate-form" onSubmit={(e) => void submit(e)}>
          <textarea
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={deciding === 'confirmed' ? 'Why it is the same call…' : 'Why it is not…'}
            aria-label="Reason"
          />
          <button type="submit" className="small">
            {deciding === 'confirmed' ? 'Confirm same call' : 'Reject lead'}
          </button>
          <button type="button" className="link" onClick={() => setDeciding(null)}>
            cancel
          </button>
          {problem ? <div className="error-inline">{problem}</div> : null}
        </form>
      ) : null}
    </li>
  );
}

function offsetInWords(seconds: number): string {
  if (Math.abs(seconds) < 0.25) return 'starts together';
  return seconds > 0
    ? `it starts ${formatClock(seconds, true)} into this call`
    : `this call starts ${formatClock(-seconds, true)} into it`;
}

function channelInWords(channel: string): string {
  return channel === 'mix' ? 'mono mix' : `channel ${Number(channel) + 1}`;
}
