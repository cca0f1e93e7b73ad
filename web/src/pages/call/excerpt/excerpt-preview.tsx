import type { ReactNode } from 'react';
import type { ExcerptExport, ExcerptPreview, PreviewSegment } from '../../../api/excerpts.ts';
import { formatBytes, formatClock } from '../../../format.ts';
import type { ExportRefusal } from './use-excerpt-builder.ts';

/** A redacted text with each replacement marked (the server says where each one stands). */
function MarkedText({ segment, language }: { segment: PreviewSegment; language: 'ru' | 'en' }) {
  const text = language === 'ru' ? segment.ru : segment.en;
  if (text === null) return <span className="muted">(no English)</span>;
  const marks = segment.redactions.filter((r) => r.language === language).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    parts.push(text.slice(at, mark.start));
    parts.push(
      <mark
        key={mark.start}
        className="redaction"
        title={`withheld: ${mark.kind}, shown as ${mark.pseudonym}`}
      >
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function PolicyLine({ policy }: { policy: ExcerptPreview['policy'] }) {
  return policy.verified ? (
    <p className="excerpt-policy ok" data-testid="excerpt-policy">
      Case file: <strong>verified</strong>. This call may be exported for publication.
    </p>
  ) : (
    <p className="excerpt-policy warn" data-testid="excerpt-policy">
      Case file: <strong>{policy.caseStatusLabel}</strong>. Not verified: exporting it needs an admin override
      with a reason, recorded in the audit log.
    </p>
  );
}

export function ExcerptPreviewView({ preview }: { preview: ExcerptPreview }) {
  const fallbackSegments = preview.segments.filter((s) =>
    preview.audio.spans.some((span) => span.fallbackSegmentIds.includes(s.id)),
  );
  return (
    <div className="excerpt-preview" data-testid="excerpt-preview">
      <PolicyLine policy={preview.policy} />
      <p>
        Excerpt {formatClock(preview.from, true)}–{formatClock(preview.to, true)} (
        {(preview.to - preview.from).toFixed(1)} s) · published as:{' '}
        {preview.metadata.month ?? 'date withheld'}, {preview.metadata.region}
      </p>
      {preview.protectedAdded > 0 ? (
        <p className="notice">
          {preview.protectedAdded} new {preview.protectedAdded === 1 ? 'entry' : 'entries'} added to the
          register.
        </p>
      ) : null}
      <audio controls preload="metadata" src={preview.audioUrl} data-testid="excerpt-audio">
        The redacted audio
      </audio>
      {preview.audio.usedSegmentFallback ? (
        <p className="notice" role="note" data-testid="excerpt-fallback">
          No word timing for a protected word in{' '}
          {fallbackSegments.map((s) => formatClock(s.start, true)).join(', ') || 'a segment'} (a person
          corrected it): the whole segment’s audio is withheld.
        </p>
      ) : null}
      <div className="excerpt-withheld">
        <h3>Withheld</h3>
        {preview.identities.length === 0 ? (
          <p className="muted">Nothing of the register is said in this excerpt.</p>
        ) : (
          <ul className="excerpt-identities" data-testid="excerpt-identities">
            {preview.identities.map((i) => (
              <li key={i.id} className="chip">
                {i.pseudonym}{' '}
                <span className="muted">
                  ({i.kind.replace('_', ' ')}, {i.mentions}×)
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small-print">
          Audio: {preview.audio.spans.length} span{preview.audio.spans.length === 1 ? '' : 's'} covered (
          {preview.audio.spans.map((s) => `${formatClock(s.start, true)} ${s.mode}`).join(', ') || 'none'})
          {preview.audio.disguisedVoices.length > 0
            ? `; voice disguised: ${preview.audio.disguisedVoices.map((v) => v.pseudonym).join(', ')}`
            : ''}
          .
        </p>
      </div>
      <table className="excerpt-texts">
        <thead>
          <tr>
            <th>Time</th>
            <th>Speaker</th>
            <th>Russian</th>
            <th>English</th>
          </tr>
        </thead>
        <tbody>
          {preview.segments.map((s) => (
            <tr key={s.id} data-testid="excerpt-row">
              <td className="mono">{formatClock(s.start, true)}</td>
              <td>{s.speaker}</td>
              <td lang="ru">
                <MarkedText segment={s} language="ru" />
                <span className="origin">{s.corrected ? 'corrected by a person' : 'machine transcript'}</span>
              </td>
              <td lang="en">
                <MarkedText segment={s} language="en" />
                <span className="origin">
                  {s.enStale ? 'machine translation of an older text' : 'machine translation'}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ExcerptExportView({
  made,
  refusal,
}: {
  made: ExcerptExport | null;
  refusal: ExportRefusal | null;
}) {
  if (refusal)
    return (
      <div className="error-box" role="alert" data-testid="excerpt-leaks">
        <p>{refusal.message} Nothing was kept.</p>
        <ul>
          {refusal.hits.map((hit, i) => (
            <li key={i}>
              <code>{hit.path}</code>: {hit.message}
            </li>
          ))}
        </ul>
      </div>
    );
  if (!made) return null;
  return (
    <div className="excerpt-made" role="status" data-testid="excerpt-made">
      <p>
        Exported and leak-checked: {made.files.length} files, {formatBytes(made.zipBytes)} zipped.{' '}
        <a href={made.downloadUrl} download data-testid="excerpt-download">
          Download
        </a>
      </p>
      <table className="excerpt-files">
        <thead>
          <tr>
            <th>File</th>
            <th>Size</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {made.files.map((f) => (
            <tr key={f.name}>
              <td className="mono">{f.name}</td>
              <td>{formatBytes(f.bytes)}</td>
              <td className="mono hash">{f.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
