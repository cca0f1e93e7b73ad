import WaveSurfer from 'wavesurfer.js';

const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface PlayerState {
  time: number;
  duration: number;
  playing: boolean;
  rate: number;
  ready: boolean;
  error: string | null;
}

/** A lane's waveform, precomputed by the server: min/max pairs over the whole call. */
export interface LanePeaks {
  min: number[];
  max: number[];
  durationSeconds: number;
}

export interface LaneSource {
  /** The channel, for error messages. */
  channel: number;
  /** The working copy's URL: the media element streams it with range requests as it plays. */
  audioUrl: string;
  /** Fetches the lane's waveform; aborted when the player is destroyed first. */
  loadPeaks: (signal: AbortSignal) => Promise<LanePeaks>;
}

/** Lanes drift apart by less than this before they are pulled back to the first one. */
const MAX_DRIFT_SECONDS = 0.12;

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  // A media element's MediaError is no Error and may have an empty message.
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, message } = error as { code: number; message?: string };
    return message || `the browser could not play it (media error ${code})`;
  }
  return String(error);
}

/**
 * One waveform per channel (each channel's working copy), played together as one call: the first
 * lane is the clock; the others follow it. Every seek, rate change and pause goes to all lanes.
 *
 * The waveforms are drawn from peaks the server computed, and each lane's audio element is given
 * the file's URL with the duration known: WaveSurfer then neither downloads nor decodes the file,
 * and the browser fetches only the byte ranges it plays.
 */
export class LanePlayer {
  private readonly lanes: WaveSurfer[];
  private state: PlayerState = { time: 0, duration: 0, playing: false, rate: 1, ready: false, error: null };
  private readonly listeners = new Set<(state: PlayerState) => void>();
  private pendingSeek: number | null = null;
  private readonly loading = new AbortController();

  constructor(containers: HTMLElement[], sources: LaneSource[]) {
    this.lanes = containers.map((container, i) =>
      // No url here: loading starts only once the peaks are in (see load).
      WaveSurfer.create({
        container,
        height: 56,
        waveColor: i === 0 ? '#8aa4c8' : '#b9a27c',
        progressColor: i === 0 ? '#1f4e8c' : '#7a5a1d',
        cursorColor: '#c2410c',
        cursorWidth: 2,
        barWidth: 2,
        barGap: 1,
        barRadius: 1,
        normalize: true,
        dragToSeek: true,
      }),
    );
    let readyCount = 0;
    this.lanes.forEach((lane, i) => {
      // Only the header until the user plays or seeks; then the browser streams byte ranges.
      lane.getMediaElement().preload = 'metadata';
      const channel = sources[i]?.channel ?? i;
      lane.on('ready', () => {
        readyCount += 1;
        if (readyCount === this.lanes.length) this.onReady();
      });
      lane.on('interaction', (time) => this.seek(time));
      lane.on('error', (error) => this.update({ error: `audio of channel ${channel}: ${messageOf(error)}` }));
      if (i === 0) {
        lane.on('timeupdate', (time) => this.onTick(time));
        lane.on('play', () => this.update({ playing: true }));
        lane.on('pause', () => this.update({ playing: false }));
        lane.on('finish', () => this.pause());
      }
    });
    void this.load(sources);
  }

  private async load(sources: LaneSource[]): Promise<void> {
    const { signal } = this.loading;
    let peaks: LanePeaks[];
    try {
      peaks = await Promise.all(sources.map((source) => source.loadPeaks(signal)));
    } catch (error) {
      if (!signal.aborted) this.update({ error: `waveform: ${messageOf(error)}` });
      return;
    }
    if (signal.aborted) return;
    await Promise.all(
      this.lanes.map((lane, i) => {
        const source = sources[i];
        const lanePeaks = peaks[i];
        if (!source || !lanePeaks) return Promise.resolve();
        // WaveSurfer draws the top half from the first array and the bottom half from the second.
        // Failures are already reported through the lane's 'error' event.
        return lane
          .load(source.audioUrl, [lanePeaks.max, lanePeaks.min], lanePeaks.durationSeconds)
          .catch(() => undefined);
      }),
    );
  }

  private onReady(): void {
    const duration = Math.max(...this.lanes.map((l) => l.getDuration()));
    this.update({ ready: true, duration });
    if (this.pendingSeek !== null) {
      const time = this.pendingSeek;
      this.pendingSeek = null;
      this.seek(time);
    }
  }

  private onTick(time: number): void {
    if (this.state.playing) {
      for (const lane of this.lanes.slice(1)) {
        if (Math.abs(lane.getCurrentTime() - time) > MAX_DRIFT_SECONDS) lane.setTime(time);
      }
    }
    this.update({ time });
  }

  private update(changes: Partial<PlayerState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: (state: PlayerState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  getState(): PlayerState {
    return this.state;
  }

  async play(): Promise<void> {
    if (!this.state.ready) return;
    const time = this.lanes[0]?.getCurrentTime() ?? 0;
    for (const lane of this.lanes.slice(1)) lane.setTime(time);
    await Promise.all(this.lanes.map((lane) => lane.play()));
  }

  pause(): void {
    for (const lane of this.lanes) lane.pause();
  }

  toggle(): Promise<void> {
    if (this.state.playing) {
      this.pause();
      return Promise.resolve();
    }
    return this.play();
  }

  /** Seeks every lane; before the audio is ready the seek is kept and done when it is. */
  seek(seconds: number): void {
    const time = Math.max(0, this.state.duration > 0 ? Math.min(seconds, this.state.duration) : seconds);
    if (!this.state.ready) {
      this.pendingSeek = time;
      this.update({ time });
      return;
    }
    for (const lane of this.lanes) lane.setTime(time);
    this.update({ time });
  }

  skip(seconds: number): void {
    this.seek((this.lanes[0]?.getCurrentTime() ?? this.state.time) + seconds);
  }

  setRate(rate: number): void {
    for (const lane of this.lanes) lane.setPlaybackRate(rate, true);
    this.update({ rate });
  }

  /** One step slower (-1) or faster (+1) along PLAYBACK_RATES. */
  stepRate(direction: -1 | 1): void {
    const index = PLAYBACK_RATES.findIndex((r) => r >= this.state.rate);
    const next =
      PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, (index < 0 ? 2 : index) + direction))];
    if (next !== undefined) this.setRate(next);
  }

  destroy(): void {
    this.loading.abort();
    this.listeners.clear();
    for (const lane of this.lanes) lane.destroy();
  }
}
