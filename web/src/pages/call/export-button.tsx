import { useState } from 'react';
import {
  exportEvidence,
  mayExport,
  type EvidenceExport,
  type EvidenceExportRequest,
} from '../../api/exports.ts';
import { errorText } from '../../api/http.ts';
import { useLoad } from '../../hooks.ts';

function megabytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * "Export evidence bundle" for one call or one collection (admins and editors): the server writes
 * the signed zip, and this shows its key fingerprint and a download link. Shown only to roles
 * that may export; the server checks the role and the collections again.
 */
export function ExportButton({ scope, what }: { scope: EvidenceExportRequest; what: string }) {
  const allowed = useLoad('may-export', (signal) => mayExport(signal)).data === true;
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<EvidenceExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!allowed) return null;

  const run = async () => {
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      setMade(await exportEvidence(scope));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel export-panel" data-testid="export-evidence">
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Writing the bundle…' : 'Export evidence bundle'}
      </button>{' '}
      <span className="muted small-print">{what}</span>
      {error ? <p className="error-inline">{error}</p> : null}
      {made ? (
        <div className="export-result" role="status">
          <p>
            Signed bundle ready: {made.calls} call{made.calls === 1 ? '' : 's'}, {made.files} files,{' '}
            {megabytes(made.sizeBytes)}.{' '}
            <a href={made.downloadUrl} download data-testid="export-download">
              Download
            </a>
          </p>
          <p className="small-print">
            Signing key fingerprint (SHA-256):{' '}
            <code className="mono fingerprint" data-testid="export-fingerprint">
              {made.keyFingerprint}
            </code>
          </p>
          <p className="muted small-print">
            Check it anywhere with{' '}
            <code className="fingerprint">node verify.mjs BUNDLE.zip --expect-key {made.keyFingerprint}</code>{' '}
            (verify.mjs is inside the bundle).
          </p>
        </div>
      ) : null}
    </section>
  );
}
