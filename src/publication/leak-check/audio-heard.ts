import fs from 'node:fs';
import type { StageModels } from '../../models/model-profile.ts';
import { ModelError } from '../../models/model-store.ts';
import { transcribeChannel } from '../../speech/channel-transcription.ts';
import {
  openRecogniser,
  openVad,
  type OpenedRecogniser,
  type OpenedVad,
} from '../../speech/speech-engines.ts';
import { DEFAULT_REGION_PADDING } from '../../speech/speech-regions.ts';
import { decodeFileChannels } from '../../speech/transcribe-file.ts';
import type { TimedWord } from '../../speech/word-timing.ts';
import type { IdentityMatcher } from '../protected-identity.ts';
import { textHits, type LeakHit } from './leak-hit.ts';
import { exportAudioFiles } from './scan-export.ts';

/**
 * The audio side of the leak check: the recogniser listens to every audio file of the package,
 * lane by lane, the way the speech stages do (voice activity, padded regions, the collection's
 * recogniser), and the register's matcher reads what it heard. A hit names the file, the lane,
 * the time in the clip and the identity. What the recogniser does not write as a protected form
 * (a name it mishears) is not caught: the check is the matcher's exact forms over its output.
 */

/** The engines the audio check listens with: the collection's recogniser and voice activity model. */
export interface LeakListener {
  recogniser: OpenedRecogniser;
  vad: OpenedVad;
}

/** The recogniser or VAD model the check needs is missing or unusable: the export is refused. */
export class LeakCheckModelMissing extends Error {}

/**
 * Opens the collection's speech engines for the check (loaded once per process by the speech
 * module). A missing model refuses the export with a message naming it and how to install it;
 * the check is never skipped.
 */
export function openLeakListener(
  models: Pick<StageModels, 'modelsDir' | 'asr' | 'vad'>,
  threads: number,
): LeakListener {
  const settings = { modelsDir: models.modelsDir, threads };
  try {
    return { recogniser: openRecogniser(settings, models.asr), vad: openVad(settings, models.vad) };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const install = error.message.includes('earshot models install')
      ? ''
      : ` Install the models with \`earshot models install ${models.asr} ${models.vad}\`.`;
    throw new LeakCheckModelMissing(
      `The leak check cannot listen to the excerpt's audio: ${error.message}.${install} ` +
        'Nothing was exported: the audio check is never skipped.',
    );
  }
}

/**
 * Every hit the recogniser hears in the audio files of an export folder (or list of files):
 * the WAV and the MP3 of an excerpt both, since each is a file that leaves.
 */
export async function heardExportHits(
  target: string | readonly string[],
  listener: LeakListener,
  matcher: IdentityMatcher,
): Promise<LeakHit[]> {
  const hits: LeakHit[] = [];
  for (const { file, shown } of await exportAudioFiles(target))
    hits.push(...(await heardLeakHits(file, shown, listener, matcher)));
  return hits;
}

/** Every hit the recogniser hears in one audio file (`shown` is its name in the package). */
export async function heardLeakHits(
  file: string,
  shown: string,
  listener: LeakListener,
  matcher: IdentityMatcher,
): Promise<LeakHit[]> {
  if (!(await fs.promises.lstat(file)).isFile())
    throw new Error(`the leak check reads only regular files, and ${shown} is not one`);
  const channels = await decodeFileChannels(file);
  const hits: LeakHit[] = [];
  for (const channel of channels) {
    const segments = await transcribeChannel({
      ...channel,
      channelCount: channels.length,
      regions: listener.vad.detector.detect(channel.samples, channel.sampleRate),
      padding: DEFAULT_REGION_PADDING,
      recogniser: listener.recogniser.recogniser,
      language: listener.recogniser.language,
    });
    const heard = laneText(segments.flatMap((s) => s.words));
    for (const hit of textHits(heard.text, matcher)) {
      const word = heard.places.find((p) => p.end > hit.start) ?? heard.places.at(-1);
      hits.push({
        file: shown,
        where: 'speech',
        channel: channel.channel,
        seconds: word?.word.start ?? 0,
        ...(hit.identityId ? { identityId: hit.identityId } : {}),
        what: hit.what,
        matched: hit.matched,
      });
    }
  }
  return hits;
}

/**
 * What a lane said, as one text (the words in time order, one space apart), so a form the
 * recogniser split over two words or two speech regions is read joined; each word's place in it
 * gives a hit its time.
 */
function laneText(words: readonly TimedWord[]): {
  text: string;
  places: { start: number; end: number; word: TimedWord }[];
} {
  let text = '';
  const places: { start: number; end: number; word: TimedWord }[] = [];
  for (const word of [...words].sort((a, b) => a.start - b.start)) {
    if (text) text += ' ';
    places.push({ start: text.length, end: text.length + word.w.length, word });
    text += word.w;
  }
  return { text, places };
}
