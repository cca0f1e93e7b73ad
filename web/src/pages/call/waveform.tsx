import type { Segment } from '../../api/transcripts.ts';
import { formatClock } from '../../format.ts';
import { laneColorIndex, laneLabel, lanesOf } from '../../lanes.ts';

/**
 * One waveform per channel (drawn into `containerRefs` by the lane player) and one track per
 * speaker lane with a block per segment: flagged and playing segments stand out; a click seeks.
 */
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
                  // The keyboard seeks from the transcript (times, words): twenty blocks in the Tab
                  // order before it would only be in the way.
                  tabIndex={-1}
                  className={`speaker-block lane-${laneColorIndex(lane, lanes)}${s.id === activeSegmentId ? ' active' : ''}${flaggedSegmentIds.has(s.id) ? ' flagged' : ''}`}
                  style={blockPosition(s.start, s.end, total)}
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

/**
 * A segment's block on the speaker track, clamped to the audio: a transcript whose times run past
 * the decoded duration (an imported or hand-made one) must not push its block out of the card.
 */
function blockPosition(start: number, end: number, total: number): { left: string; width: string } {
  const from = Math.min(Math.max(start, 0), total);
  const to = Math.min(Math.max(end, from), total);
  const left = (from / total) * 100;
  return { left: `${left}%`, width: `${Math.min(Math.max(0.4, ((to - from) / total) * 100), 100 - left)}%` };
}
