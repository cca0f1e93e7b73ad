import { useCallback, useState } from 'react';
import type { Segment } from '../../api/transcripts.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { hrefFor, navigate, paramsObject } from '../../router.ts';
import { useAnalysisMarks } from './analysis-marks.ts';
import { AnalysisPanel, CustodyPanel, MetadataPanel } from './call-details.tsx';
import { CallHeader } from './call-header.tsx';
import { ExportButton } from './export-button.tsx';
import { MachineOfferNotice } from './machine-offer-notice.tsx';
import { DuplicatesPanel } from './duplicates-panel.tsx';
import { ExcerptPanel } from './excerpt/excerpt-panel.tsx';
import { CasePanel } from './case-panel.tsx';
import { CallTriagePanel } from '../triage/call-triage-panel.tsx';
import { useCallTriage } from '../triage/use-call-triage.ts';
import { NotesPanel } from './notes-panel.tsx';
import { PlayerControls } from './player-controls.tsx';
import { TranscriptPanel } from './transcript-panel.tsx';
import { useCallData } from './use-call-data.ts';
import { useCallPlayback } from './use-call-playback.ts';
import { usePlayerKeys } from './use-player-keys.ts';
import { useSegmentEditing } from './use-segment-editing.ts';
import { VersionsPanel } from './versions-panel.tsx';
import { Waveform } from './waveform.tsx';

const NO_SEGMENTS: Segment[] = [];

/**
 * The first Tab stop of the page after the top bar: jumps over the player and waveform to the
 * transcript. The desk routes by hash, so it moves focus instead of following an anchor.
 */
function SkipToTranscript() {
  return (
    <a
      className="skip-link"
      href="#transcript"
      onClick={(event) => {
        event.preventDefault();
        const transcript = document.getElementById('transcript');
        transcript?.focus();
        transcript?.scrollIntoView({ block: 'start' });
      }}
    >
      Skip to transcript
    </a>
  );
}

/**
 * One call: the player and waveform on top, the transcript beside its analysis, versions, notes,
 * call records and custody. `?version=N` shows an older transcript version; `?t=S` starts at S s.
 */
export function CallPage({ recordingId, params }: { recordingId: string; params: URLSearchParams }) {
  const versionParam = params.get('version');
  const version = versionParam ? Number(versionParam) : undefined;
  const { data, saveCorrection, addNote, decideMachineOffer, diff } = useCallData(recordingId, version);
  const { recording, transcript, versions, analysis, notes, errors } = data;
  const offered = versions.find((v) => v.version === data.newerMachineVersion);
  const current = versions.find((v) => v.isCurrent);
  // The diff the offer asked for shows in the offer, not a second time in the Versions panel.
  const offerDiff =
    offered && current && diff.shown?.from === current.version && diff.shown.to === offered.version
      ? diff.shown
      : null;
  const segments = transcript?.segments ?? NO_SEGMENTS;

  const marks = useAnalysisMarks(analysis, transcript);
  const playback = useCallPlayback(recording, segments, marks, params.get('t'), params.get('segment'));
  usePlayerKeys(playback.player, playback.nextFlag);

  const showLatest = useCallback(
    () => navigate(`call/${recordingId}`, { ...paramsObject(params), version: undefined }, true),
    [recordingId, params],
  );
  const editing = useSegmentEditing(saveCorrection, showLatest);
  const triage = useCallTriage(recordingId);
  const [noteSegment, setNoteSegment] = useState<Segment | null>(null);
  const shownVersion = transcript?.transcript.version ?? null;

  if (errors.recording && !recording) {
    return (
      <section>
        <ErrorMessage error={errors.recording} />
        <a href={hrefFor('calls')}>Back to calls</a>
      </section>
    );
  }

  return (
    <section className="call-page">
      <SkipToTranscript />
      <CallHeader recording={recording} />
      <div className="player-box">
        <PlayerControls player={playback.player} state={playback.state} onNextFlag={playback.nextFlag} />
        <Waveform
          channels={playback.channels}
          containerRefs={playback.containerRefs}
          segments={segments}
          flaggedSegmentIds={marks.flaggedSegmentIds}
          activeSegmentId={playback.activeSegmentId}
          duration={playback.state?.duration ?? recording?.probe.durationSeconds ?? 0}
          onSeek={playback.seek}
        />
      </div>
      {editing.saved ? (
        <div className="notice" role="status" data-testid="saved-notice">
          {editing.saved}{' '}
          <button type="button" className="link" onClick={editing.dismissSaved}>
            dismiss
          </button>
        </div>
      ) : null}
      <ExcerptPanel
        recordingId={recordingId}
        segments={segments}
        playerTime={playback.state?.ready ? playback.state.time : null}
      />
      {offered && current ? (
        <MachineOfferNotice
          offered={offered}
          current={current}
          diff={offerDiff}
          diffError={offerDiff ? diff.error : null}
          onCompare={diff.compare}
          onDecide={decideMachineOffer}
        />
      ) : null}
      <div className="call-body">
        <TranscriptPanel
          recordingId={recordingId}
          recordingLoaded={!!recording}
          transcript={transcript}
          error={errors.transcript ?? null}
          matchesBySegment={marks.matchesBySegment}
          entitiesBySegment={marks.entitiesBySegment}
          meaningBySegment={marks.meaningBySegment}
          activeSegmentId={playback.activeSegmentId}
          activeWord={playback.activeWord}
          editingId={editing.editingId}
          tagsOn={triage.tagsOn}
          tagging={triage.segmentTagging}
          onSeek={playback.seek}
          onEdit={editing.edit}
          onSave={editing.save}
          onNote={setNoteSegment}
        />
        <aside className="side-col">
          <CasePanel recordingId={recordingId} />
          <CallTriagePanel
            recordingId={recordingId}
            triage={triage}
            segments={segments}
            activeSegmentId={playback.activeSegmentId}
            onSeek={playback.seek}
          />
          <ErrorMessage error={errors.analysis ?? null} />
          <AnalysisPanel
            analysis={analysis}
            transcriptVersion={shownVersion}
            recordingId={recordingId}
            collectionId={recording?.collection.id ?? null}
          />
          <ErrorMessage error={errors.versions ?? null} />
          <VersionsPanel
            versions={versions}
            shownVersion={shownVersion}
            onShow={(v) => navigate(`call/${recordingId}`, { version: v })}
            diff={offerDiff ? null : diff.shown}
            diffError={diff.error}
            onCompare={diff.compare}
            onCloseDiff={diff.close}
          />
          <ErrorMessage error={errors.notes ?? null} />
          <NotesPanel
            notes={notes}
            segments={segments}
            noteSegment={noteSegment}
            onClearSegment={() => setNoteSegment(null)}
            onAdd={addNote}
            onSeek={playback.seek}
          />
          <DuplicatesPanel recordingId={recordingId} />
          {recording ? <MetadataPanel recording={recording} /> : null}
          {recording ? <CustodyPanel recording={recording} /> : null}
          <ExportButton scope={{ recordings: [recordingId] }} what="this call, signed, for a court" />
        </aside>
      </div>
    </section>
  );
}
