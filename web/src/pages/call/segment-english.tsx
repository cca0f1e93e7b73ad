import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../api/http.ts';
import type { Segment } from '../../api/transcripts.ts';
import {
  getTranslationHistory,
  postTranslationCorrection,
  QUALITY_ISSUE_TEXT,
  type SegmentTranslation,
  type TranslationHistory,
} from '../../api/translations.ts';
import { EnglishVersions } from './english-versions.tsx';

/** The label of the English shown: who wrote it, and whether it needs checking. */
function EnglishLabels({ translation }: { translation: SegmentTranslation }) {
  const issues = translation.quality.issues.map((i) => QUALITY_ISSUE_TEXT[i]).join('; ');
  return (
    <>
      {translation.kind === 'human' ? (
        <span className="human-tag" data-testid="english-label" title="A person corrected this English">
          human-corrected
        </span>
      ) : (
        <span
          className="machine-tag"
          data-testid="english-label"
          title={`By ${translation.model ?? translation.engine}`}
        >
          machine translation
        </span>
      )}
      {translation.kind === 'human' && translation.createdBy ? (
        <span className="muted"> by {translation.createdBy}</span>
      ) : null}
      {translation.quality.doubtful ? (
        <span className="check-flag" data-testid="check-translation" title={`Quality estimate: ${issues}`}>
          check this translation
        </span>
      ) : null}
      {translation.stale ? (
        <span
          className="stale-flag"
          data-testid="stale-translation"
          title="The transcript changed after this translation was made; it is being translated again"
        >
          stale
        </span>
      ) : null}
    </>
  );
}

/** The English as it stands, or why there is none. */
function EnglishText({ translation }: { translation: SegmentTranslation | null }) {
  if (translation?.text) return <p>{translation.text}</p>;
  return (
    <p className="muted">
      {!translation
        ? 'No translation yet.'
        : translation.status === 'unsupported-language'
          ? 'Language not covered by the translator.'
          : 'Nothing to translate.'}
    </p>
  );
}

function EnglishEditor({
  draft,
  start,
  busy,
  onChange,
  onCancel,
  onSave,
}: {
  draft: string;
  start: number;
  busy: boolean;
  onChange: (text: string) => void;
  onCancel: () => void;
  onSave: () => void;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <form className="english-editor" onSubmit={submit} data-testid="english-editor">
      <textarea
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        rows={3}
        aria-label={`English translation of the segment at ${start.toFixed(1)} s`}
        autoFocus
      />
      <div className="editor-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="save-english">
          {busy ? 'Saving…' : 'Save English'}
        </button>
      </div>
    </form>
  );
}

/**
 * A segment's English beside its Russian: the text, whether a machine or a person wrote it, the
 * quality estimate, and (on the latest version) a correction by a person with its versions.
 */
export function SegmentEnglish({
  recordingId,
  segment,
  editable,
}: {
  recordingId: string;
  segment: Segment;
  editable: boolean;
}) {
  // After a save the server's answer is shown until the call's data is read again.
  const [saved, setSaved] = useState<SegmentTranslation | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [history, setHistory] = useState<TranslationHistory | null>(null);
  const [showVersions, setShowVersions] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setSaved(null), [segment.translation]);
  const translation = saved ?? segment.translation;

  useEffect(() => {
    if (!showVersions) return;
    const abort = new AbortController();
    getTranslationHistory(recordingId, segment.id, abort.signal).then(setHistory, (e: unknown) => {
      if (!abort.signal.aborted) setError(errorText(e));
    });
    return () => abort.abort();
  }, [showVersions, recordingId, segment.id, saved]);

  const save = async (text: string) => {
    if (!text.trim()) return setError('The English is empty: write the translation, or cancel.');
    setBusy(true);
    setError(null);
    try {
      const result = await postTranslationCorrection(recordingId, segment.id, {
        baseTranslationId: translation?.translationId ?? null,
        text: text.trim(),
      });
      const shown = result.history.versions.find((v) => v.translationId === result.translationId)!;
      setSaved({
        translationId: shown.translationId,
        kind: 'human',
        createdBy: shown.createdBy,
        quality: { doubtful: false, issues: [] },
        text: shown.text,
        status: shown.status,
        engine: shown.engine,
        model: shown.model,
        // A person's English comes from no model file.
        modelSha256: null,
        stale: false,
      });
      setHistory(result.history);
      setDraft(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const classes = ['segment-translation'];
  if (translation?.stale) classes.push('stale');
  if (translation?.quality.doubtful) classes.push('doubtful');
  return (
    <div className={classes.join(' ')} lang="en" data-testid="segment-english">
      {draft !== null ? (
        <EnglishEditor
          draft={draft}
          start={segment.start}
          busy={busy}
          onChange={setDraft}
          onCancel={() => setDraft(null)}
          onSave={() => void save(draft)}
        />
      ) : (
        <EnglishText translation={translation} />
      )}
      <div className="english-meta">
        {translation ? <EnglishLabels translation={translation} /> : null}
        {editable && draft === null ? (
          <button
            type="button"
            className="small"
            data-testid="edit-english"
            onClick={() => setDraft(translation?.text ?? '')}
          >
            Edit English
          </button>
        ) : null}
        {translation ? (
          <button
            type="button"
            className="small"
            aria-expanded={showVersions}
            data-testid="english-versions-toggle"
            onClick={() => setShowVersions((v) => !v)}
          >
            {showVersions ? 'Hide versions' : 'Versions'}
          </button>
        ) : null}
      </div>
      {error ? (
        <div className="error-inline" role="alert">
          {error}
        </div>
      ) : null}
      {showVersions && history ? (
        <EnglishVersions history={history} busy={busy} onAdopt={(text) => void save(text)} />
      ) : null}
    </div>
  );
}
