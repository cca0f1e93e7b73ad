// One recogniser in its own process, for bench/speech.bench.ts: load time, recognition time over
// a sample of padded VAD regions, and the process's peak RSS (which a shared process could not
// attribute to one engine). Input: the regions' 16 kHz samples as one little-endian f32 file plus
// their lengths. Output: one JSON line on stdout.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { locateRecogniserModel } from '../src/speech/model-location.ts';
import { createRecogniser, type Recogniser } from '../src/speech/recogniser.ts';
import { createWhisperRecogniser, sharedWhisperContext } from '../src/speech/whisper-recogniser.ts';

export interface EngineChildResult {
  loadSeconds: number;
  recogniseSeconds: number;
  regions: number;
  regionSeconds: number;
  emptyResults: number;
  maxRssMB: number;
  rssBeforeLoadMB: number;
}

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    model: { type: 'string' },
    'models-dir': { type: 'string' },
    threads: { type: 'string', default: '2' },
    audio: { type: 'string' },
    lengths: { type: 'string' },
  },
});
const threads = Number(values.threads);
const audio = fs.readFileSync(values.audio!);
const all = new Float32Array(audio.buffer, audio.byteOffset, audio.byteLength / 4);
const lengths = JSON.parse(fs.readFileSync(values.lengths!, 'utf8')) as number[];

const rssBeforeLoadMB = process.memoryUsage().rss / 1e6;
const loadStarted = performance.now();
let recogniser: Recogniser;
if (values.engine === 'whisper') {
  const model = { name: 'random-weights', modelFile: values.model! };
  sharedWhisperContext(model.modelFile, {});
  // Speed-only figures: no temperature fallback (a random model would trigger it on every region,
  // a real one seldom does).
  recogniser = createWhisperRecogniser(model, { threads, decoding: { temperatureInc: 0 } });
} else {
  recogniser = createRecogniser(locateRecogniserModel(values['models-dir']!, values.model!, 'int8'), {
    threads,
  });
}
const loadSeconds = (performance.now() - loadStarted) / 1000;

let offset = 0;
let emptyResults = 0;
const started = performance.now();
for (const length of lengths) {
  const result = await recogniser.recognise(all.subarray(offset, offset + length), 16_000);
  if (result.text === '') emptyResults++;
  offset += length;
}
const recogniseSeconds = (performance.now() - started) / 1000;
const result: EngineChildResult = {
  loadSeconds,
  recogniseSeconds,
  regions: lengths.length,
  regionSeconds: lengths.reduce((a, b) => a + b, 0) / 16_000,
  emptyResults,
  maxRssMB: process.resourceUsage().maxRSS / 1000,
  rssBeforeLoadMB,
};
process.stdout.write(JSON.stringify(result) + '\n');
