import { useEffect, useRef, useState } from 'react';
import { fetchWorkingPeaks } from '../../api/peaks.ts';
import { workingAudioUrl, type RecordingDetail } from '../../api/recordings.ts';
import type { Segment } from '../../api/transcripts.ts';
import { formatClock } from '../../format.ts';
import { laneColorIndex, laneLabel, lanesOf } from '../../lanes.ts';
import { LanePlayer, type PlayerState } from './lane-player.ts';

/**
 * Creates the lane player for the recording's working copies (waveforms from the server's peaks,
 * audio streamed by the browser) and destroys it on unmount.
 */
export function useLanePlayer(recording: RecordingDetail | null): {
  player: LanePlayer | null;
  state: PlayerState | null;
  containerRefs: React.RefObject<(HTMLDivElement | null)[]>;
  channels: number[];
} {
  const containerRefs = useRef<(HTMLDivElement | null)[]>([]);
  const [player, setPlayer] = useState<LanePlayer | null>(null);
  const [state, setState] = useState<PlayerState | null>(null);
  const channels = (recording?.channels ?? []).filter((c) => c.workingCopy).map((c) => c.channel);
  const key = recording ? `${recording.id}:${channels.join(',')}` : '';

  useEffect(() => {
    if (!recording || channels.length === 0) return;
    const containers = containerRefs.current
      .slice(0, channels.length)
      .filter((c): c is HTMLDivElement => !!c);
    if (containers.length !== channels.length) return;
    const created = new LanePlayer(
      containers,
      channels.map((channel) => ({
        channel,
        audioUrl: workingAudioUrl(recording.id, channel),
        loadPeaks: (signal) => fetchWorkingPeaks(recording.id, channel, signal),
      })),
    );
    setPlayer(created);
    const unsubscribe = created.subscribe(setState);
    return () => {
      unsubscribe();
      created.destroy();
      setPlayer(null);
    };
    // The player depends only on which recording and channels are shown.
  }, [key]);
  return { player, state, containerRefs, channels };
}

export function Waveform({
  channels,
  containerRefs,
  segments,
  flaggedSegmentIds,
  activeSegmentId,
  duration,
  onSeek,
}: {
  channels: number[];
  containerRefs: React.RefObject<(HTMLDivElement | null)[]>;
  segments: Segment[];
  flaggedSegmentIds: Set<string>;
  activeSegmentId: string | null;
  duration: number;
  onSeek: (seconds: number) => void;
}) {
  const lanes = lanesOf(segments);
  const total = duration > 0 ? duration : Math.max(1, ...segments.map((s) => s.end));
  return (
    <div className="waveform" data-testid="waveform">
      {channels.length === 0 ? (
        <div className="muted wave-missing">
          No working copy yet: the decode stage has not finished for this call.
        </div>
      ) : null}
      {channels.map((channel, i) => (
        <div className="wave-lane" key={channel}>
          <span className="lane-label">ch {channel + 1}</span>
          <div
            className="wave-canvas"
            ref={(el) => {
              containerRefs.current[i] = el;
            }}
          />
        </div>
      ))}
      {lanes.map((lane) => (
        <div className="speaker-lane" key={lane} data-testid="speaker-lane">
          <span className="lane-label" title={lane}>
            {laneLabel(segments.find((s) => s.lane === lane) ?? { lane, speaker: null })}
          </span>
          <div className="speaker-track">
            {segments
              .filter((s) => s.lane === lane)
              .map((s) => (
                <button
                  key={s.id}
                  type="button"
                  className={`speaker-block lane-${laneColorIndex(lane, lanes)}${s.id === activeSegmentId ? ' active' : ''}${flaggedSegmentIds.has(s.id) ? ' flagged' : ''}`}
                  style={{
                    left: `${(s.start / total) * 100}%`,
                    width: `${Math.max(0.4, ((s.end - s.start) / total) * 100)}%`,
                  }}
                  title={`${formatClock(s.start, true)}–${formatClock(s.end, true)}: ${s.text}`}
                  onClick={() => onSeek(s.start)}
                />
              ))}
          </div>
        </div>
      ))}
    </div>
  );
}

export function PlayerControls({
  player,
  state,
  onNextFlag,
}: {
  player: LanePlayer | null;
  state: PlayerState | null;
  onNextFlag: () => void;
}) {
  const time = state?.time ?? 0;
  const ready = !!state?.ready;
  return (
    <div className="player-controls">
      <button
        type="button"
        className="play-button primary"
        disabled={!ready}
        data-testid="play-button"
        onClick={() => void player?.toggle()}
        title="Play or pause (space)"
      >
        {state?.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" disabled={!ready} onClick={() => player?.skip(-5)} title="Back 5 seconds (←)">
        ↺ 5 s
      </button>
      <span
        className="player-time mono"
        data-testid="player-time"
        data-seconds={time.toFixed(2)}
        data-playing={state?.playing ? 'true' : 'false'}
      >
        {formatClock(time, true)} / {formatClock(state?.duration ?? 0, true)}
      </span>
      <button type="button" disabled={!ready} onClick={() => player?.stepRate(-1)} title="Slower ([)">
        −
      </button>
      <span className="rate mono" data-testid="player-rate" title="Playback speed ([ slower, ] faster)">
        {(state?.rate ?? 1).toFixed(2)}×
      </span>
      <button type="button" disabled={!ready} onClick={() => player?.stepRate(1)} title="Faster (])">
        +
      </button>
      <button type="button" disabled={!ready} onClick={onNextFlag} title="Next flagged word (n)">
        Next flag →
      </button>
      <span className="keys-help muted">space play · ← back 5 s · [ ] speed · n next flag</span>
      {state?.error ? <span className="error-inline">{state.error}</span> : null}
    </div>
  );
}
