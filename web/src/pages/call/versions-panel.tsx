import type { DiffSegment, SegmentChange, TranscriptDiff, TranscriptVersion } from '../../api/transcripts.ts';
import { formatClock, formatDateTime } from '../../format.ts';
import type { ShownDiff } from './use-call-data.ts';

export function WordDiff({ ops }: { ops: SegmentChange['words'] }) {
  return (
    <span className="word-diff">
      {ops.map((op, i) => (
        <span key={i} className={op.op === 'insert' ? 'wd-ins' : op.op === 'delete' ? 'wd-del' : 'wd-same'}>
          {op.text}{' '}
        </span>
      ))}
    </span>
  );
}

function SideOf({ label, segment }: { label: string; segment: DiffSegment | null }) {
  if (!segment) return null;
  return (
    <div className="diff-side">
      <span className="muted">{label}</span>{' '}
      <span className="mono muted">
        {formatClock(segment.start, true)}–{formatClock(segment.end, true)}
      </span>{' '}
      <span className="muted">{segment.speaker ?? segment.lane}</span> {segment.text}
    </div>
  );
}

function whatChanged(change: SegmentChange): string {
  const parts = [
    change.textChanged ? 'text' : null,
    change.laneChanged ? 'lane' : null,
    change.speakerChanged ? 'speaker' : null,
    change.boundariesChanged ? 'boundaries' : null,
  ].filter(Boolean);
  return parts.length > 0 ? `${change.type}: ${parts.join(', ')}` : change.type;
}

/** The changed, added and removed segments between two versions (unchanged ones are counted only). */
export function DiffView({ diff }: { diff: TranscriptDiff }) {
  const changes = diff.changes.filter((c) => c.type !== 'unchanged');
  const { added, removed, changed, unchanged } = diff.summary;
  return (
    <>
      <p className="muted small-print">
        {changed} changed · {added} added · {removed} removed · {unchanged} unchanged
      </p>
      <ol className="diff" data-testid="diff">
        {changes.map((change, i) => (
          <li key={i} className={`diff-${change.type}`}>
            <span className="diff-kind">{whatChanged(change)}</span>
            {change.textChanged && change.words.length > 0 ? <WordDiff ops={change.words} /> : null}
            {change.type !== 'changed' ||
            !change.textChanged ||
            change.laneChanged ||
            change.boundariesChanged ? (
              <>
                <SideOf label="before" segment={change.from} />
                <SideOf label="after" segment={change.to} />
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Transcript versions (machine first, then each human correction), viewable and diffable. */
export function VersionsPanel({
  versions,
  shownVersion,
  onShow,
  diff,
  diffError,
  onCompare,
  onCloseDiff,
}: {
  versions: TranscriptVersion[];
  shownVersion: number | null;
  onShow: (version: number | undefined) => void;
  diff: ShownDiff | null;
  diffError: string | null;
  onCompare: (from: number, to: number) => void;
  onCloseDiff: () => void;
}) {
  const current = versions.find((v) => v.isCurrent)?.version;
  const firstMachine = versions.find((v) => v.kind === 'machine')?.version ?? 1;

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
              onClick={() => onShow(v.version === current ? undefined : v.version)}
            >
              v{v.version}
            </button>{' '}
            <span className={v.kind === 'machine' ? 'machine-tag' : 'human-tag'}>{v.kind}</span>{' '}
            {v.isCurrent ? <span className="current-tag">current</span> : null}{' '}
            <span className="muted">
              {v.kind === 'machine' ? (v.model ?? 'model unknown') : v.createdBy} ·{' '}
              {formatDateTime(v.createdAt)}
              {v.basedOnVersion ? ` · from v${v.basedOnVersion}` : ''}
            </span>
            {v.version !== firstMachine ? (
              <button
                type="button"
                className="small"
                onClick={() => onCompare(firstMachine, v.version)}
                title="What changed since the machine version"
              >
                diff vs v{firstMachine}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {diffError ? <div className="error-inline">{diffError}</div> : null}
      {diff ? (
        <div className="diff-box">
          <div className="diff-head">
            v{diff.from} → v{diff.to}{' '}
            <button type="button" className="link" onClick={onCloseDiff}>
              close
            </button>
          </div>
          <DiffView diff={diff.diff} />
        </div>
      ) : null}
    </section>
  );
}
