import { useState } from 'react';
import { errorText } from '../../api/http.ts';
import {
  getTranscriptDiff,
  type DiffWordOp,
  type SegmentChange,
  type TranscriptDiff,
  type TranscriptVersion,
} from '../../api/transcripts.ts';
import { formatClock, formatDateTime } from '../../format.ts';

function changeKind(change: SegmentChange): string {
  return String(change.change ?? change.kind ?? change.type ?? 'changed');
}

function WordDiff({ ops }: { ops: DiffWordOp[] }) {
  return (
    <span className="word-diff">
      {ops.map((op, i) => {
        const kind = op.op ?? op.type ?? 'same';
        const text = op.text ?? op.w ?? op.value ?? '';
        const cls =
          kind.startsWith('add') || kind === 'insert'
            ? 'ins'
            : kind.startsWith('rem') || kind.startsWith('del')
              ? 'del'
              : 'same';
        return (
          <span key={i} className={`wd-${cls}`}>
            {text}{' '}
          </span>
        );
      })}
    </span>
  );
}

function SideOf({ label, segment }: { label: string; segment: SegmentChange['before'] }) {
  if (!segment) return null;
  return (
    <div className="diff-side">
      <span className="muted">{label}</span>{' '}
      {segment.start !== undefined && segment.end !== undefined ? (
        <span className="mono muted">
          {formatClock(segment.start, true)}–{formatClock(segment.end, true)}{' '}
        </span>
      ) : null}
      {segment.lane !== undefined ? <span className="muted">lane {segment.lane + 1} </span> : null}
      {segment.text}
    </div>
  );
}

/** Renders the server's diff; fields it does not know are shown verbatim rather than dropped. */
function DiffView({ diff }: { diff: TranscriptDiff }) {
  const changes = diff.changes ?? diff.segments ?? [];
  if (changes.length === 0) return <p className="muted">No differences.</p>;
  return (
    <ol className="diff" data-testid="diff">
      {changes.map((change, i) => {
        const ops = change.wordDiff ?? change.words;
        return (
          <li key={i} className={`diff-${changeKind(change)}`}>
            <span className="diff-kind">{changeKind(change)}</span>
            {ops && ops.length > 0 ? <WordDiff ops={ops} /> : null}
            <SideOf label="before" segment={change.before ?? change.from ?? null} />
            <SideOf label="after" segment={change.after ?? change.to ?? null} />
          </li>
        );
      })}
    </ol>
  );
}

/** Transcript versions (machine first, then each human correction), viewable and diffable. */
export function VersionsPanel({
  recordingId,
  versions,
  shownVersion,
  onShow,
}: {
  recordingId: string;
  versions: TranscriptVersion[];
  shownVersion: number | null;
  onShow: (version: number | undefined) => void;
}) {
  const [diff, setDiff] = useState<{ from: number; to: number; diff: TranscriptDiff } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = versions.reduce((max, v) => Math.max(max, v.version), 0);
  const firstMachine = versions.find((v) => v.kind === 'machine')?.version ?? 1;

  const compare = async (from: number, to: number) => {
    try {
      setDiff({ from, to, diff: await getTranscriptDiff(recordingId, from, to) });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="panel versions-panel" data-testid="versions">
      <h2>Transcript versions</h2>
      {versions.length === 0 ? <p className="muted">No transcript yet.</p> : null}
      <ul className="versions">
        {[...versions].reverse().map((v) => (
          <li
            key={v.id}
            className={v.version === shownVersion ? 'shown' : undefined}
            data-testid="version"
            data-version={v.version}
            data-kind={v.kind}
          >
            <button
              type="button"
              className="link"
              onClick={() => onShow(v.version === latest ? undefined : v.version)}
            >
              v{v.version}
            </button>{' '}
            <span className={v.kind === 'machine' ? 'machine-tag' : 'human-tag'}>{v.kind}</span>{' '}
            <span className="muted">
              {v.kind === 'machine' ? (v.model ?? 'model unknown') : v.createdBy} ·{' '}
              {formatDateTime(v.createdAt)}
              {v.basedOnVersion ? ` · from v${v.basedOnVersion}` : ''}
            </span>
            {v.version !== firstMachine ? (
              <button
                type="button"
                className="small"
                onClick={() => void compare(firstMachine, v.version)}
                title="What changed since the machine version"
              >
                diff vs v{firstMachine}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <div className="error-inline">{error}</div> : null}
      {diff ? (
        <div className="diff-box">
          <div className="diff-head">
            v{diff.from} → v{diff.to}{' '}
            <button type="button" className="link" onClick={() => setDiff(null)}>
              close
            </button>
          </div>
          <DiffView diff={diff.diff} />
        </div>
      ) : null}
    </section>
  );
}
