import { formatClock } from '../../format.ts';
import type { LanePlayer, PlayerState } from './lane-player.ts';

/** Play, skip, speed and next-flag buttons with the clock; each names its key. */
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
