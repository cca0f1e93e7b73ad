import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ffmpegPath } from '../../src/media/ffmpeg-binaries.ts';
import { demoDir } from './speech-models.ts';

/**
 * Telephone-band (8 kHz) sounds that are not speech, as ffmpeg filter graphs: what the VAD must
 * gate so no recogniser invents text for them.
 */
export function nonSpeechSignals(seconds: number): [name: string, filter: string][] {
  return [
    ['digital silence', `anullsrc=r=8000:cl=mono,atrim=0:${seconds}`],
    ['white noise', `anoisesrc=color=white:amplitude=0.3:sample_rate=8000:seed=7:duration=${seconds}`],
    ['a 425 Hz dial tone', `sine=frequency=425:sample_rate=8000:duration=${seconds},volume=0.5`],
    [
      'a 425 Hz busy tone (0.5 s on, 0.5 s off)',
      `sine=frequency=425:sample_rate=8000:duration=${seconds},volume='if(lt(mod(t,1),0.5),0.5,0)':eval=frame`,
    ],
  ];
}

/** Renders an ffmpeg filter graph into a PCM16 WAV file. */
export function renderSignal(file: string, filter: string): string {
  execFileSync(ffmpegPath(), ['-v', 'error', '-filter_complex', filter, '-c:a', 'pcm_s16le', '-y', file]);
  return file;
}

/** Where the long pause sits in the call made by makeLongPauseCall (seconds). */
export const LONG_PAUSE = { start: 4.5, end: 34.5 };

/**
 * The caller's first two turns of a demo call (8 kHz mono) with 30 s of quiet line hiss between
 * them: speech on both sides of a long pause inside one call.
 */
export function makeLongPauseCall(file: string): string {
  const call = path.join(demoDir, 'calls', '20220306_194211_+380501734482_+79161234567.ogg');
  execFileSync(ffmpegPath(), [
    '-v',
    'error',
    '-i',
    call,
    '-filter_complex',
    '[0:a]pan=mono|c0=c0,aresample=8000,asplit=2[x][y];' +
      '[x]atrim=0:4.5,asetpts=N/SR/TB[a];[y]atrim=8.3:12.4,asetpts=N/SR/TB[b];' +
      'anoisesrc=color=pink:amplitude=0.002:sample_rate=8000:seed=3:duration=30[p];' +
      '[a][p][b]concat=n=3:v=0:a=1',
    '-c:a',
    'pcm_s16le',
    '-y',
    file,
  ]);
  return file;
}

/**
 * The first seconds of the two-lane demo call intercept_0007 as PCM16 WAV: a few turns per lane,
 * so that slow recognisers (Whisper on CPU) get only a few regions to hear.
 */
export function cutTwoLaneDemoCall(file: string, seconds: number): string {
  const call = path.join(demoDir, 'calls', 'intercept_0007.ogg');
  execFileSync(ffmpegPath(), [
    '-v',
    'error',
    '-i',
    call,
    '-t',
    String(seconds),
    '-c:a',
    'pcm_s16le',
    '-y',
    file,
  ]);
  return file;
}
