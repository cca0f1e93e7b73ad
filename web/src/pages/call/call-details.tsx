import type { ReactNode } from 'react';
import type { RecordingAnalysis } from '../../api/analysis.ts';
import type { RecordingDetail } from '../../api/recordings.ts';
import { flagSummary } from '../../api/flag-summary.ts';
import { CategoryFlag } from '../../components/status.tsx';
import { EntityChips } from './entity-chips.tsx';
import { formatBytes, formatClock, formatDateTime } from '../../format.ts';
import { hrefFor } from '../../router.ts';
import { NumberLink } from '../numbers/number-link.tsx';

/** Triage, casualty counts, flags and entities: all machine analysis, marked as such. */
export function AnalysisPanel({
  analysis,
  transcriptVersion,
  recordingId,
  collectionId,
}: {
  analysis: RecordingAnalysis | null;
  transcriptVersion: number | null;
  recordingId: string;
  /** The call's collection, whose protected-identity register the entity chips use. */
  collectionId: string | null;
}) {
  if (!analysis)
    return (
      <section className="panel">
        <h2>Analysis</h2>
        <p className="muted">Not analysed yet.</p>
      </section>
    );
  const c = analysis.casualties;
  const { language } = analysis;
  const flags = flagSummary(analysis.counts, analysis.meaningCounts);
  const versions = `lexicon ${analysis.lexiconVersion}, analyser ${analysis.analyserVersion}, classifier ${analysis.classifierVersion ?? 'none'}`;
  return (
    <section className="panel analysis-panel" data-testid="analysis">
      <h2>
        Analysis{' '}
        <span className="machine-tag" title={versions}>
          machine
        </span>
      </h2>
      {transcriptVersion !== null && analysis.transcriptVersion !== transcriptVersion ? (
        <p className="warn">
          Analysed transcript v{analysis.transcriptVersion}; this view shows v{transcriptVersion}.
        </p>
      ) : null}
      <div className="triage-line">
        Triage <strong>{Math.round(analysis.triage.score)}</strong>/100
      </div>
      <ul className="reasons">
        {analysis.triage.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <div className="casualty-line">
        Killed <strong>{c.killed ?? '–'}</strong> · Wounded <strong>{c.wounded ?? '–'}</strong> · Missing{' '}
        <strong>{c.missing ?? '–'}</strong>
      </div>
      <div className="flags" data-testid="flag-summary">
        {flags.flatMap(({ category, words, meaning }) => [
          words > 0 ? (
            <a key={`${category}:words`} href={hrefFor('calls', { category })}>
              <CategoryFlag category={category} count={words} />
            </a>
          ) : null,
          meaning > 0 ? (
            <a key={`${category}:meaning`} href={hrefFor('calls', { category })}>
              <CategoryFlag category={category} count={meaning} source="meaning" />
            </a>
          ) : null,
        ])}
      </div>
      {flags.some((f) => f.meaning > 0) || analysis.meaning.length > 0 ? (
        <p className="muted small-print" data-testid="flag-legend">
          Solid flags come from words (the lexicon); dashed <em>meaning</em> flags are the classifier&apos;s
          machine judgement of what a segment says, with its confidence.
        </p>
      ) : null}
      <EntityChips analysis={analysis} recordingId={recordingId} collectionId={collectionId} />
      <p className="muted small-print">
        Language {language.code}
        {language.lexiconCovers ? '' : ' (lexicon does not cover it)'} · lexicon {analysis.lexiconVersion} ·
        analyser {analysis.analyserVersion} · classifier {analysis.classifierVersion ?? 'none'}
      </p>
    </section>
  );
}

export function MetadataPanel({ recording }: { recording: RecordingDetail }) {
  const call = recording.call;
  const rows: [string, ReactNode][] = [
    ['Caller', <NumberLink number={call.callerNumber} raw={call.callerRaw ?? '–'} />],
    ['Callee', <NumberLink number={call.calleeNumber} raw={call.calleeRaw ?? '–'} />],
    ['Started', formatDateTime(call.startedAt)],
    ['Time zone', call.timezone ?? '–'],
    ['Duration', call.durationSeconds !== null ? formatClock(call.durationSeconds) : '–'],
    ['Cell', call.cellId ?? '–'],
    ['Location', call.locationText ?? '–'],
    ['Source', call.source ?? '–'],
    ['Collection', recording.collection.name],
    ['File', recording.originalFilename],
    [
      'Format',
      [
        recording.probe.container,
        recording.probe.codec,
        recording.probe.channels ? `${recording.probe.channels} ch` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ],
    ['Size', formatBytes(recording.sizeBytes)],
    ['SHA-256', recording.sha256],
  ];
  return (
    <section className="panel metadata-panel" data-testid="metadata">
      <h2>
        Call records{' '}
        <span className="machine-tag" title="Read by Earshot from the call records or the file name">
          {call.origin ? `from ${call.origin}` : 'no records'}
        </span>
      </h2>
      <dl className="meta-grid">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className={k === 'SHA-256' ? 'mono hash' : undefined}>{v}</dd>
          </div>
        ))}
      </dl>
      {recording.quarantined.map((q) => (
        <div key={`${q.kind}:${q.path}`} className="error-box" role="alert" data-testid="quarantined">
          {q.message}
        </div>
      ))}
      {recording.quarantined.some((q) => q.kind === 'original') ? null : (
        <a href={recording.originalAudioUrl} download={recording.originalFilename} className="small-print">
          Download the original (byte for byte)
        </a>
      )}
    </section>
  );
}

export function CustodyPanel({ recording }: { recording: RecordingDetail }) {
  return (
    <section className="panel custody-panel" data-testid="custody">
      <h2>Chain of custody</h2>
      {/* It scrolls: focusable so that a keyboard can scroll it too (WCAG 2.1.1). */}
      <ol className="custody" tabIndex={0} aria-label="Custody events, oldest first">
        {recording.custody.map((event) => (
          <li key={event.id}>
            <span className="custody-action">{event.action}</span>{' '}
            <span className="muted">by {event.actor}</span>
            <div className="muted small-print">
              {formatDateTime(event.occurredAt)}
              {event.sourcePath ? ` · ${event.sourcePath}` : ''}
            </div>
          </li>
        ))}
      </ol>
      {recording.sources.length > 1 ? (
        <p className="muted small-print">Received from {recording.sources.length} sources.</p>
      ) : null}
    </section>
  );
}
