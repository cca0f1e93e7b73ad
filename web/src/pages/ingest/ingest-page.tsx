import { useRef, useState, type DragEvent } from 'react';
import { errorText } from '../../api/http.ts';
import {
  getUploadLimits,
  uploadFiles,
  type IngestResult,
  type RunningUpload,
  type UploadFile,
} from '../../api/ingest.ts';
import { listCollections } from '../../api/recordings.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatBytes } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { fromDataTransfer, fromFileList, mergeSelection } from './dropped-files.ts';
import { IngestResultView, UploadProgress } from './ingest-result.tsx';
import './ingest.css';

const NEW_COLLECTION = '\u0000new';
const SHOWN_FILES = 200;

function CollectionChooser({
  choice,
  newName,
  onChoice,
  onNewName,
}: {
  choice: string;
  newName: string;
  onChoice: (value: string) => void;
  onNewName: (value: string) => void;
}) {
  const collections = useLoad('collections', listCollections);
  const items = collections.data?.items ?? [];
  return (
    <div className="collection-chooser">
      <label>
        Collection
        <select value={choice} onChange={(e) => onChoice(e.target.value)} data-testid="collection-select">
          <option value={NEW_COLLECTION}>New collection…</option>
          {items.map((c) => (
            <option key={c.id} value={c.name}>
              {c.name} ({c.recordingCount})
            </option>
          ))}
        </select>
      </label>
      {choice === NEW_COLLECTION ? (
        <label>
          Name of the new collection
          <input
            value={newName}
            onChange={(e) => onNewName(e.target.value)}
            placeholder="e.g. Leak 2023-05"
            maxLength={200}
            data-testid="new-collection"
          />
        </label>
      ) : null}
    </div>
  );
}

function SelectedFiles({ files, onClear }: { files: UploadFile[]; onClear: () => void }) {
  if (files.length === 0) return null;
  const bytes = files.reduce((n, f) => n + f.file.size, 0);
  return (
    <div className="selected-files" data-testid="selected-files">
      <span>
        <strong>{files.length.toLocaleString('en')}</strong> file{files.length === 1 ? '' : 's'},{' '}
        {formatBytes(bytes)}
      </span>
      <button className="small" onClick={onClear}>
        Clear
      </button>
      <details>
        <summary>Show the files</summary>
        <ul>
          {files.slice(0, SHOWN_FILES).map((f) => (
            <li key={f.path} className="mono">
              {f.path} <span className="muted">({formatBytes(f.file.size)})</span>
            </li>
          ))}
          {files.length > SHOWN_FILES ? (
            <li className="muted">and {files.length - SHOWN_FILES} more</li>
          ) : null}
        </ul>
      </details>
    </div>
  );
}

export function IngestPage() {
  const limits = useLoad('upload-limits', getUploadLimits);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [metadata, setMetadata] = useState<File | null>(null);
  const [choice, setChoice] = useState(NEW_COLLECTION);
  const [newName, setNewName] = useState('');
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<RunningUpload | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const add = (added: UploadFile[]) => {
    setFiles((current) => mergeSelection(current, added));
    setResult(null);
    setError(null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    fromDataTransfer(event.dataTransfer).then(add, (e: unknown) => setError(errorText(e)));
  };

  const totalBytes = files.reduce((n, f) => n + f.file.size, 0) + (metadata?.size ?? 0);
  const max = limits.data;
  const overLimit =
    max && (totalBytes > max.maxBytes || files.length > max.maxFiles)
      ? `This selection (${files.length} files, ${formatBytes(totalBytes)}) is over the limit of ` +
        `${max.maxFiles.toLocaleString('en')} files and ${formatBytes(max.maxBytes)} per upload.`
      : null;
  const collection = choice === NEW_COLLECTION ? newName.trim() : choice;
  const uploading = progress !== null;
  const canUpload = files.length > 0 && collection !== '' && !overLimit && !uploading;

  const start = () => {
    setError(null);
    setResult(null);
    setProgress({ sent: 0, total: totalBytes });
    const upload = uploadFiles({
      collection,
      files,
      metadata,
      onProgress: (sent, total) => setProgress({ sent, total }),
    });
    running.current = upload;
    upload.done.then(
      (r) => {
        setResult(r);
        setFiles([]);
        setMetadata(null);
        setProgress(null);
      },
      (e: unknown) => {
        setError(errorText(e));
        setProgress(null);
      },
    );
  };

  return (
    <section className="ingest-page">
      <div className="page-head">
        <h1>Add recordings</h1>
      </div>
      <p className="muted limits" data-testid="upload-limits">
        The same ingest as <code>earshot ingest</code>: every file is hashed, kept once and read-only, with
        its chain of custody; files that are not audio are listed with the reason.{' '}
        {max ? (
          <>
            Up to <strong>{formatBytes(max.maxBytes)}</strong> and{' '}
            <strong>{max.maxFiles.toLocaleString('en')} files</strong> per upload; for more, run{' '}
            <code>earshot ingest</code> on the server.
          </>
        ) : null}
      </p>
      <ErrorMessage error={limits.error} />
      <div className="ingest-form panel">
        <CollectionChooser choice={choice} newName={newName} onChoice={setChoice} onNewName={setNewName} />
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={(e) => {
            // Moving over the zone's own buttons is not leaving it.
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
        >
          <p>
            <strong>Drop audio files, folders or zip archives here</strong>
          </p>
          <p className="muted">or</p>
          <div className="pick-buttons">
            <button type="button" onClick={() => filesInput.current?.click()} disabled={uploading}>
              Choose files…
            </button>
            <button type="button" onClick={() => folderInput.current?.click()} disabled={uploading}>
              Choose a folder…
            </button>
          </div>
          <input
            ref={filesInput}
            type="file"
            multiple
            hidden
            aria-label="Audio files or zip archives"
            data-testid="files-input"
            onChange={(e) => {
              add(fromFileList(e.target.files));
              e.target.value = '';
            }}
          />
          <input
            ref={folderInput}
            type="file"
            hidden
            aria-label="A folder of audio files"
            data-testid="folder-input"
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              add(fromFileList(e.target.files));
              e.target.value = '';
            }}
          />
        </div>
        <SelectedFiles files={files} onClear={() => setFiles([])} />
        <label className="metadata-picker">
          <span>
            Call records (optional): a CSV or JSON file with one row per file, as for{' '}
            <code>earshot ingest --metadata</code>
          </span>
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-testid="metadata-input"
            onChange={(e) => setMetadata(e.target.files?.[0] ?? null)}
          />
        </label>
        {overLimit ? (
          <div className="error-box" role="alert">
            {overLimit}
          </div>
        ) : null}
        <div className="ingest-actions">
          <button className="primary" disabled={!canUpload} onClick={start} data-testid="upload-button">
            Upload and ingest
          </button>
          {uploading ? (
            <button onClick={() => running.current?.cancel()} data-testid="cancel-upload">
              Cancel
            </button>
          ) : null}
          {!uploading && files.length > 0 && collection === '' ? (
            <span className="muted small-print">Name the new collection first.</span>
          ) : null}
        </div>
        {progress ? <UploadProgress sent={progress.sent} total={progress.total} /> : null}
      </div>
      <ErrorMessage error={error} />
      {result ? <IngestResultView result={result} /> : null}
    </section>
  );
}
