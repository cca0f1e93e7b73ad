import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisEntity, AnalysisMatch } from '../../api/analysis.ts';
import { postCorrection, type Segment } from '../../api/transcripts.ts';
import { HumanBadge, MachineBadge } from '../../components/machine-badge.tsx';
import { ErrorMessage, StageChips } from '../../components/status.tsx';
import { formatDateTime } from '../../format.ts';
import { hrefFor, navigate, paramsObject } from '../../router.ts';
import { AnalysisPanel, CustodyPanel, MetadataPanel } from './call-details.tsx';
import { NotesPanel } from './notes-panel.tsx';
import type { SegmentEdit } from './segment-editor.tsx';
import { activeWordIndex } from './segment-text.ts';
import { TranscriptView } from './transcript-view.tsx';
import { useCallData } from './use-call-data.ts';
import { VersionsPanel } from './versions-panel.tsx';
import { PlayerControls, useLanePlayer, Waveform } from './waveform.tsx';

function groupBySegment<T extends { segmentId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.segmentId, [...(map.get(item.segmentId) ?? []), item]);
  return map;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Where a match is heard: the start of the word that holds it, else its segment's start. */
function matchTime(match: AnalysisMatch, segment: Segment): number {
  const words = segment.words ?? [];
  let cursor = 0;
  for (const word of words) {
    const at = segment.text.toLowerCase().indexOf(word.w.toLowerCase(), cursor);
    if (at < 0) continue;
    cursor = at + word.w.length;
    if (cursor > match.start) return word.start;
  }
  return segment.start;
}

export function CallPage({ recordingId, params }: { recordingId: string; params: URLSearchParams }) {
  const versionParam = params.get('version');
  const version = versionParam ? Number(versionParam) : undefined;
  const { data, reload } = useCallData(recordingId, version);
  const { recording, transcript, versions, analysis, notes, errors } = data;
  const { player, state, containerRefs, channels } = useLanePlayer(recording);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [noteSegment, setNoteSegment] = useState<Segment | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const segments = useMemo(() => transcript?.segments ?? [], [transcript]);
  const analysedThis = analysis && transcript && analysis.transcriptId === transcript.transcript.id;
  const matchesBySegment = useMemo(
    () => groupBySegment<AnalysisMatch>(analysedThis ? analysis.matches : []),
    [analysis, analysedThis],
  );
  const entitiesBySegment = useMemo(
    () => groupBySegment<AnalysisEntity>(analysedThis ? analysis.entities : []),
    [analysis, analysedThis],
  );
  const flagged = useMemo(() => new Set(matchesBySegment.keys()), [matchesBySegment]);

  const time = state?.time ?? 0;
  const active = segments.find((s) => s.start <= time && time < s.end) ?? null;
  const activeWord = active?.words ? activeWordIndex(active.words, time) : null;

  const seek = useCallback((seconds: number) => player?.seek(seconds), [player]);

  // Opening a search hit or a note: #/call/ID?t=12.3 starts there.
  const startAt = params.get('t');
  const seekedFor = useRef<string | null>(null);
  useEffect(() => {
    if (player && startAt && seekedFor.current !== startAt) {
      seekedFor.current = startAt;
      player.seek(Number(startAt));
    }
  }, [player, startAt]);

  const nextFlag = useCallback(() => {
    if (!player) return;
    const now = player.getState().time;
    const times = segments
      .flatMap((s) => (matchesBySegment.get(s.id) ?? []).map((m) => matchTime(m, s)))
      .filter((t) => t > now + 0.05)
      .sort((a, b) => a - b);
    if (times[0] !== undefined) player.seek(times[0]);
  }, [player, segments, matchesBySegment]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!player || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === ' ') {
        event.preventDefault();
        void player.toggle();
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        player.skip(-5);
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        player.skip(5);
      } else if (event.key === '[') player.stepRate(-1);
      else if (event.key === ']') player.stepRate(1);
      else if (event.key === 'n') nextFlag();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player, nextFlag]);

  const saveSegment = useCallback(
    async (edited: Segment, edit: SegmentEdit) => {
      if (!transcript) return;
      const result = await postCorrection(recordingId, {
        baseVersion: transcript.transcript.version,
        segments: transcript.segments.map((s, position) => {
          const base = { position, sourceSegmentId: s.id, channel: s.channel, speaker: s.speaker };
          return s.id === edited.id
            ? { ...base, lane: edit.lane, start: edit.start, end: edit.end, text: edit.text }
            : { ...base, lane: s.lane, start: s.start, end: s.end, text: s.text };
        }),
      });
      setEditingId(null);
      const rerun =
        result.rerun.stages.length > 0 ? ` Running again: ${result.rerun.stages.join(', ')}.` : '';
      setSaved(`Saved as version ${result.transcript.version} by ${result.transcript.createdBy}.${rerun}`);
      navigate(`call/${recordingId}`, { ...paramsObject(params), version: undefined }, true);
      reload();
    },
    [transcript, recordingId, params, reload],
  );

  const t = transcript?.transcript;
  const machineModel = segments.find((s) => s.translation?.model)?.translation;
  const meanConfidence = useMemo(() => {
    const known = segments.map((s) => s.confidence).filter((c): c is number => c !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  }, [segments]);

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
      <div className="call-head">
        <div className="call-title">
          <h1>
            {recording
              ? `${recording.call.callerNumber ?? recording.call.callerRaw ?? '?'} → ${recording.call.calleeNumber ?? recording.call.calleeRaw ?? '?'}`
              : 'Loading…'}
          </h1>
          <span className="muted">
            {recording
              ? `${formatDateTime(recording.call.startedAt)} · ${recording.originalFilename}`
              : '\u00a0'}
          </span>
        </div>
        {recording ? <StageChips stages={recording.stages} /> : null}
      </div>
      <div className="player-box">
        <PlayerControls player={player} state={state} onNextFlag={nextFlag} />
        <Waveform
          channels={channels}
          containerRefs={containerRefs}
          segments={segments}
          flaggedSegmentIds={flagged}
          activeSegmentId={active?.id ?? null}
          duration={state?.duration ?? recording?.probe.durationSeconds ?? 0}
          onSeek={seek}
        />
      </div>
      {saved ? (
        <div className="notice" role="status" data-testid="saved-notice">
          {saved}{' '}
          <button type="button" className="link" onClick={() => setSaved(null)}>
            dismiss
          </button>
        </div>
      ) : null}
      <div className="call-body">
        <div className="transcript-col">
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
                  {!transcript?.isLatest ? (
                    <a className="warn" href={hrefFor(`call/${recordingId}`)}>
                      {' '}
                      older version — show latest
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
            </div>
          </div>
          <ErrorMessage error={errors.transcript ?? null} />
          {transcript ? (
            <TranscriptView
              segments={segments}
              matchesBySegment={matchesBySegment}
              entitiesBySegment={entitiesBySegment}
              activeSegmentId={active?.id ?? null}
              activeWord={activeWord}
              editingId={editingId}
              editable={!!transcript.isLatest}
              onSeek={seek}
              onEdit={setEditingId}
              onSave={saveSegment}
              onNote={setNoteSegment}
            />
          ) : !errors.transcript ? (
            <p className="muted empty">
              {recording ? 'No transcript yet: the speech stages have not finished for this call.' : ''}
            </p>
          ) : null}
        </div>
        <aside className="side-col">
          <ErrorMessage error={errors.analysis ?? null} />
          <AnalysisPanel analysis={analysis} transcriptVersion={t?.version ?? null} />
          <ErrorMessage error={errors.versions ?? null} />
          <VersionsPanel
            recordingId={recordingId}
            versions={versions}
            shownVersion={t?.version ?? null}
            onShow={(v) => navigate(`call/${recordingId}`, { version: v })}
          />
          <ErrorMessage error={errors.notes ?? null} />
          <NotesPanel
            recordingId={recordingId}
            notes={notes}
            segments={segments}
            noteSegment={noteSegment}
            onClearSegment={() => setNoteSegment(null)}
            onSaved={reload}
            onSeek={seek}
          />
          {recording ? <MetadataPanel recording={recording} /> : null}
          {recording ? <CustodyPanel recording={recording} /> : null}
        </aside>
      </div>
    </section>
  );
}
