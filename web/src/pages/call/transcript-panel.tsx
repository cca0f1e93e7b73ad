import { useMemo, type ComponentProps } from 'react';
import type { TranscriptResponse } from '../../api/transcripts.ts';
import { HumanBadge, MachineBadge } from '../../components/machine-badge.tsx';
import { ErrorMessage } from '../../components/status.tsx';
import { formatDateTime } from '../../format.ts';
import { hrefFor } from '../../router.ts';
import { TranscriptView } from './transcript-view.tsx';

/** The version shown and who made it (a model or a person); the translation's model. */
function TranscriptHead({
  recordingId,
  transcript,
}: {
  recordingId: string;
  transcript: TranscriptResponse | null;
}) {
  const segments = useMemo(() => transcript?.segments ?? [], [transcript]);
  const t = transcript?.transcript;
  const machineModel = segments.find((s) => s.translation?.model)?.translation;
  const corrected = segments.filter((s) => s.translation?.kind === 'human').length;
  const doubtful = segments.filter((s) => s.translation?.quality.doubtful).length;
  const meanConfidence = useMemo(() => {
    const known = segments.map((s) => s.confidence).filter((c): c is number => c !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  }, [segments]);
  return (
    <div className="transcript-head">
      <div>
        <strong>Transcript</strong>{' '}
        {t ? (
          <>
            <span className="mono">v{t.version}</span>{' '}
            {t.kind === 'machine' ? (
              <MachineBadge what="transcript" model={t.model} confidence={meanConfidence} />
            ) : (
              <HumanBadge author={t.createdBy} when={formatDateTime(t.createdAt)} />
            )}
            {!transcript?.isCurrent ? (
              <a className="warn" href={hrefFor(`call/${recordingId}`)}>
                {' '}
                not the current version — show current
              </a>
            ) : null}
          </>
        ) : null}
      </div>
      <div>
        <strong>English</strong>{' '}
        {machineModel ? (
          <MachineBadge
            what="translation"
            model={machineModel.model ?? machineModel.engine}
            stale={segments.some((s) => s.translation?.stale)}
          />
        ) : (
          <span className="muted">not translated</span>
        )}
        {corrected > 0 ? <span className="human-tag"> {corrected} human-corrected</span> : null}
        {doubtful > 0 ? (
          <span className="check-flag" title="Segments whose English the quality estimate marks">
            {doubtful} to check
          </span>
        ) : null}
      </div>
    </div>
  );
}

type ViewProps = ComponentProps<typeof TranscriptView>;

/**
 * The transcript column: its head, the segments with their translations (editable on the current
 * version only), or why there are none.
 */
export function TranscriptPanel({
  recordingId,
  recordingLoaded,
  transcript,
  error,
  ...view
}: Omit<ViewProps, 'segments' | 'editable' | 'recordingId'> & {
  recordingId: string;
  /** The call itself is loaded: only then does a missing transcript mean "not yet". */
  recordingLoaded: boolean;
  transcript: TranscriptResponse | null;
  error: string | null;
}) {
  return (
    <div className="transcript-col" id="transcript" tabIndex={-1} role="region" aria-label="Transcript">
      <TranscriptHead recordingId={recordingId} transcript={transcript} />
      <ErrorMessage error={error} />
      {transcript ? (
        <TranscriptView
          {...view}
          recordingId={recordingId}
          segments={transcript.segments}
          editable={transcript.isCurrent}
        />
      ) : !error ? (
        <p className="muted empty">
          {recordingLoaded ? 'No transcript yet: the speech stages have not finished for this call.' : ''}
        </p>
      ) : null}
    </div>
  );
}
