import { useCallback, useEffect, useRef } from 'react';
import type { RecordingDetail } from '../../api/recordings.ts';
import type { Segment } from '../../api/transcripts.ts';
import { activeSegmentAt, linkStart } from './active-segment.ts';
import { nextFlagTime, type AnalysisMarks } from './analysis-marks.ts';
import { activeWordIndex } from './segment-text.ts';
import { useLanePlayer } from './use-lane-player.ts';

/**
 * Playback of the call and the transcript following it: the lane player, the segment and word
 * being heard, seeking, the jump to the next flag (a code word, or a segment only meaning flags), and the start a link asks for
 * (`#/call/ID?t=12.3&segment=ID`, from a search hit or a note): at the named segment's start
 * when it is in the transcript, else at `t` seconds; done once per value.
 */
export function useCallPlayback(
  recording: RecordingDetail | null,
  segments: readonly Segment[],
  marks: Pick<AnalysisMarks, 'matchesBySegment' | 'flaggedSegmentIds'>,
  t: string | null,
  linkedSegmentId: string | null = null,
) {
  const { player, state, containerRefs, channels } = useLanePlayer(recording);
  const { matchesBySegment, flaggedSegmentIds } = marks;

  const time = state?.time ?? 0;
  const active = activeSegmentAt(segments, time, linkedSegmentId);
  const startAt = linkStart(segments, linkedSegmentId, t);
  const activeWord = active?.words ? activeWordIndex(active.words, time) : null;

  const seek = useCallback((seconds: number) => player?.seek(seconds), [player]);

  const seekedFor = useRef<string | null>(null);
  useEffect(() => {
    if (player && startAt && seekedFor.current !== startAt) {
      seekedFor.current = startAt;
      player.seek(Number(startAt));
    }
  }, [player, startAt]);

  const nextFlag = useCallback(() => {
    if (!player) return;
    const next = nextFlagTime(segments, matchesBySegment, player.getState().time, flaggedSegmentIds);
    if (next !== null) player.seek(next);
  }, [player, segments, matchesBySegment, flaggedSegmentIds]);

  return {
    player,
    state,
    containerRefs,
    channels,
    activeSegmentId: active?.id ?? null,
    activeWord,
    seek,
    nextFlag,
  };
}
