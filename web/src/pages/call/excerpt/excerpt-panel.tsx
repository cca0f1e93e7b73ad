import { useState } from 'react';
import { excerptAccess } from '../../../api/excerpts.ts';
import type { Segment } from '../../../api/transcripts.ts';
import { ErrorMessage } from '../../../components/status.tsx';
import { formatClock } from '../../../format.ts';
import { useLoad } from '../../../hooks.ts';
import { laneLabel } from '../../../lanes.ts';
import { ExcerptExportView, ExcerptPreviewView } from './excerpt-preview.tsx';
import { useExcerptBuilder, type ExcerptBuilder } from './use-excerpt-builder.ts';

/**
 * "Excerpt for publication" on the Call page (docs/publication.md): select segments or a time
 * range, preview the redacted audio and texts, then export the package. Shown to the roles that
 * may export (the server checks the role, the call's verification and the leak check again).
 */
export function ExcerptPanel({
  recordingId,
  segments,
  playerTime,
}: {
  recordingId: string;
  segments: readonly Segment[];
  playerTime: number | null;
}) {
  const access = useLoad('excerpt-access', (signal) => excerptAccess(signal)).data;
  const [open, setOpen] = useState(false);
  const builder = useExcerptBuilder(recordingId);
  if (!access?.mayExport) return null;
  return (
    <section className="panel excerpt-panel" data-testid="excerpt-builder" aria-labelledby="excerpt-title">
      <div className="excerpt-head">
        <h2 id="excerpt-title">Excerpt for publication</h2>
        <button type="button" className="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Close' : 'Build an excerpt'}
        </button>
      </div>
      {open ? (
        <>
          <SelectionPicker builder={builder} segments={segments} playerTime={playerTime} />
          <label className="excerpt-option">
            <input
              type="checkbox"
              checked={builder.protectAll}
              onChange={(e) => builder.setProtectAll(e.target.checked)}
            />{' '}
            Protect everything found in this call first (every person, number, call sign and place of the
            analysis goes into the register)
          </label>
          <div className="excerpt-actions">
            <button type="button" onClick={() => void builder.runPreview()} disabled={builder.busy !== null}>
              {builder.busy === 'preview' ? 'Redacting…' : 'Preview'}
            </button>
          </div>
          <ErrorMessage error={builder.error} />
          {builder.preview ? <ExcerptPreviewView preview={builder.preview} /> : null}
          {builder.preview ? <ExportControls builder={builder} isAdmin={access.isAdmin} /> : null}
          <ExcerptExportView made={builder.made} refusal={builder.refusal} />
        </>
      ) : null}
    </section>
  );
}

function SelectionPicker({
  builder,
  segments,
  playerTime,
}: {
  builder: ExcerptBuilder;
  segments: readonly Segment[];
  playerTime: number | null;
}) {
  const { mode, range } = builder;
  const fromPlayer = (which: 'from' | 'to') =>
    playerTime === null ? undefined : () => builder.setRange({ ...range, [which]: playerTime.toFixed(1) });
  return (
    <fieldset className="excerpt-selection">
      <legend>Selection</legend>
      <div className="excerpt-modes" role="radiogroup" aria-label="Select by">
        <label>
          <input type="radio" checked={mode === 'segments'} onChange={() => builder.setMode('segments')} />{' '}
          Segments
        </label>
        <label>
          <input type="radio" checked={mode === 'range'} onChange={() => builder.setMode('range')} /> Time
          range
        </label>
      </div>
      {mode === 'segments' ? (
        <>
          <p className="muted small-print">
            The excerpt runs from the first segment ticked to the end of the last; everything said in between
            is in it.
          </p>
          <ul className="excerpt-segments">
            {segments.map((s) => (
              <li key={s.id} data-segment-id={s.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={builder.segmentIds.includes(s.id)}
                    onChange={() => builder.toggleSegment(s.id)}
                    data-testid="excerpt-segment"
                  />{' '}
                  <span className="mono">{formatClock(s.start, true)}</span>{' '}
                  <span className="muted">{laneLabel(s)}</span> {s.text}
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="excerpt-range">
          {(['from', 'to'] as const).map((which) => (
            <label key={which}>
              {which === 'from' ? 'From (s)' : 'To (s)'}{' '}
              <input
                type="number"
                min={0}
                step={0.1}
                value={range[which]}
                placeholder={which === 'from' ? '0' : 'end'}
                onChange={(e) => builder.setRange({ ...range, [which]: e.target.value })}
              />{' '}
              <button
                type="button"
                className="small"
                onClick={fromPlayer(which)}
                disabled={playerTime === null}
              >
                Player position
              </button>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function ExportControls({ builder, isAdmin }: { builder: ExcerptBuilder; isAdmin: boolean }) {
  const { policy } = builder.preview!;
  const needsReason = policy.overrideNeeded && builder.overrideReason.trim() === '';
  return (
    <div className="excerpt-export-controls">
      {policy.overrideNeeded && isAdmin ? (
        <label className="excerpt-override">
          Why publish this call before it is verified (recorded in the audit log)
          <textarea
            rows={2}
            value={builder.overrideReason}
            onChange={(e) => builder.setOverrideReason(e.target.value)}
          />
        </label>
      ) : null}
      <button
        type="button"
        onClick={() => void builder.runExport()}
        disabled={builder.busy !== null || needsReason}
        data-testid="excerpt-export"
      >
        {builder.busy === 'export' ? 'Exporting and checking for leaks…' : 'Export'}
      </button>
    </div>
  );
}
