import type { RecordingDetail } from '../../api/recordings.ts';
import { DemoModelsNotice } from '../../components/machine-badge.tsx';
import { StageChips } from '../../components/status.tsx';
import { formatDateTime } from '../../format.ts';
import { NumberLink } from '../numbers/number-link.tsx';

/** Who called whom, when, from which file, and where the pipeline stands for this call. */
export function CallHeader({ recording }: { recording: RecordingDetail | null }) {
  return (
    <div className="call-head">
      <div className="call-title">
        <h1>
          {recording ? (
            <>
              <NumberLink number={recording.call.callerNumber} raw={recording.call.callerRaw} /> →{' '}
              <NumberLink number={recording.call.calleeNumber} raw={recording.call.calleeRaw} />
            </>
          ) : (
            'Loading…'
          )}
        </h1>
        <span className="muted">
          {recording
            ? `${formatDateTime(recording.call.startedAt)} · ${recording.originalFilename}`
            : '\u00a0'}
        </span>
      </div>
      {recording ? <StageChips stages={recording.stages} /> : null}
      {recording?.collection.demoModels ? <DemoModelsNotice scope="call" /> : null}
    </div>
  );
}
