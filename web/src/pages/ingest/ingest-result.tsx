import type { IngestResult } from '../../api/ingest.ts';
import { formatBytes } from '../../format.ts';
import { uploadProgressText } from './upload-progress-text.ts';
import { hrefFor } from '../../router.ts';

/** Bytes sent so far, as a bar and in words; then the server's ingest, which has no byte count. */
export function UploadProgress({ sent, total }: { sent: number; total: number }) {
  return (
    <div className="upload-progress" data-testid="upload-progress">
      <progress max={total || 1} value={sent} aria-label="Upload progress" />
      <span aria-live="polite" data-testid="upload-progress-text">
        {uploadProgressText(sent, total)}
      </span>
    </div>
  );
}

export function IngestResultView({ result }: { result: IngestResult }) {
  return (
    <section className="ingest-result panel" data-testid="ingest-result" aria-live="polite">
      <h2>Ingested into “{result.collection.name}”</h2>
      <p
        className={result.status === 'finished_with_rejections' ? 'warn' : 'muted'}
        data-testid="batch-status"
      >
        Batch {result.status === 'finished_with_rejections' ? 'finished with rejections' : 'finished'}.
      </p>
      <dl className="ingest-counts">
        <div>
          <dt>New calls</dt>
          <dd data-testid="count-ingested">{result.ingested}</dd>
        </div>
        <div>
          <dt>Duplicates</dt>
          <dd data-testid="count-duplicates">{result.duplicates}</dd>
        </div>
        <div>
          <dt>Already known</dt>
          <dd data-testid="count-known">{result.alreadyKnown}</dd>
        </div>
        <div className={result.rejected > 0 ? 'rejected' : undefined}>
          <dt>Rejected</dt>
          <dd data-testid="count-rejected">{result.rejected}</dd>
        </div>
      </dl>
      <p className="small-print muted">
        {result.uploaded.files} files ({formatBytes(result.uploaded.bytes)}) received;{' '}
        {formatBytes(result.bytesIngested)} of new audio stored with its SHA-256 and custody record.
      </p>
      {result.ingested > 0 ? (
        <p>
          {result.queued
            ? 'The new calls are queued for transcription and analysis: '
            : 'The new calls are stored; `earshot start` or `earshot worker` processes them. '}
          <a href={hrefFor('pipeline')}>follow the pipeline</a> or{' '}
          <a href={hrefFor('calls', { collection: result.collection.name })}>open the collection’s calls</a>.
        </p>
      ) : null}
      {result.rejections.length > 0 ? (
        <>
          <h3>Rejected files</h3>
          <div className="table-scroll">
            <table className="rejections-table" data-testid="rejections">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {result.rejections.map((r) => (
                  <tr key={r.path} data-testid="rejection" data-code={r.code}>
                    <td className="mono">{r.path}</td>
                    <td>
                      {r.reason} <span className="muted small-print">[{r.code}]</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {result.metadataWarnings.length > 0 ? (
        <>
          <h3>Call-record warnings (the audio was ingested)</h3>
          <ul className="warnings">
            {result.metadataWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
