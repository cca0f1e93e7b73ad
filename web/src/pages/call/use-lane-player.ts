import { useEffect, useRef, useState } from 'react';
import { fetchWorkingPeaks } from '../../api/peaks.ts';
import { workingAudioUrl, type RecordingDetail } from '../../api/recordings.ts';
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
