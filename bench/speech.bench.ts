// npm run bench:speech [-- --threads N] [--models-dir DIR] [--whisper tiny,base,small]
// [--whisper-regions N]: real-time factor of VAD and recognition on the demo corpus (demo/calls),
// per model that can run here, reported as RTF and as audio-hours per hour. Working copies are
// made first (not timed) in a temp folder. Then the speed of translating the corpus's ground-truth
// segments with the committed test Marian model. With --whisper (or EARSHOT_BENCH_WHISPER), also
// whisper.cpp on random-weight models of those architectures against the CTC baseline, on a
// sample of the VAD regions (slow: see bench/whisper-speed.ts).
import { DEMO_MODELS } from '../src/models/model-profile.ts';
import { ModelNotInstalledError } from '../src/models/model-store.ts';
import { installTestModels } from '../src/models/testing/test-models.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeWorkingCopies } from '../src/media/transcode.ts';
import { transcribeRecording } from '../src/speech/channel-transcription.ts';
import { locateRecogniserModel, type ModelPrecision } from '../src/speech/model-location.ts';
import { createRecogniser } from '../src/speech/recogniser.ts';
import { openVad } from '../src/speech/speech-engines.ts';
import { DEFAULT_REGION_PADDING } from '../src/speech/speech-regions.ts';
import { characterErrorRate } from '../src/speech/text-metrics.ts';
import type { SpeechRegion } from '../src/speech/voice-activity.ts';
import { readMonoPcm16Wav, type MonoSamples } from '../src/speech/wav-samples.ts';
import { Translator, type SourceSegment } from '../src/translation/translator.ts';
import { benchWhisperEngines, parseArchitectures } from './whisper-speed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const { values: args } = parseArgs({
  options: {
    threads: { type: 'string', default: '2' },
    // Default: the test models, installed from ../shared/models into a scratch folder.
    'models-dir': { type: 'string', default: process.env.EARSHOT_MODELS_DIR ?? '' },
    whisper: { type: 'string', default: process.env.EARSHOT_BENCH_WHISPER ?? '' },
    'whisper-regions': { type: 'string', default: '4' },
  },
});
const whisperArchitectures = args.whisper === '' ? [] : parseArchitectures(args.whisper);
const threads = Number(args.threads);
const modelsDir = args['models-dir'] !== '' ? path.resolve(args['models-dir']) : await scratchTestModels();
const settings = { modelsDir, threads };

interface Call {
  name: string;
  seconds: number;
  channels: (MonoSamples & { channel: number; reference: string })[];
}

interface GroundTruth {
  language: string;
  lanes: { channel: number; segments: { start: number; end: number; spoken: string }[] }[];
}

const groundTruthDir = path.join(repo, 'demo', 'ground-truth');
const TRANSLATION_FIXTURE = 'marian-ru-en-test';

async function loadCorpus(scratch: string): Promise<Call[]> {
  const callsDir = path.join(repo, 'demo', 'calls');
  const calls: Call[] = [];
  for (const name of fs.readdirSync(callsDir).sort()) {
    const stem = name.replace(/\.[^.]+$/, '');
    const truth = JSON.parse(
      fs.readFileSync(path.join(groundTruthDir, `${stem}.json`), 'utf8'),
    ) as GroundTruth;
    const decoded = await makeWorkingCopies({
      inputPath: path.join(callsDir, name),
      outputDir: path.join(scratch, stem),
    });
    calls.push({
      name,
      seconds: decoded.copies[0]?.durationSeconds ?? 0,
      channels: decoded.copies.map((copy) => ({
        channel: copy.channel,
        ...readMonoPcm16Wav(copy.path),
        reference: truth.lanes
          .filter((l) => l.channel === copy.channel)
          .flatMap((l) => l.segments)
          .sort((a, b) => a.start - b.start)
          .map((s) => s.spoken)
          .join(' '),
      })),
    });
  }
  return calls;
}

/** Every ground-truth segment of the demo calls, as the recogniser would hand it to translation. */
function groundTruthSegments(calls: Call[]): (SourceSegment<string> & { seconds: number })[] {
  return calls.flatMap((call) => {
    const stem = call.name.replace(/\.[^.]+$/, '');
    const truth = JSON.parse(
      fs.readFileSync(path.join(groundTruthDir, `${stem}.json`), 'utf8'),
    ) as GroundTruth;
    return truth.lanes.flatMap((lane) =>
      lane.segments.map((segment, index) => ({
        id: `${stem}#${lane.channel}.${index}`,
        text: segment.spoken,
        language: truth.language,
        seconds: segment.end - segment.start,
      })),
    );
  });
}

async function benchTranslation(calls: Call[], callSeconds: number): Promise<void> {
  const segments = groundTruthSegments(calls);
  const speechSeconds = segments.reduce((sum, s) => sum + s.seconds, 0);
  const translator = await Translator.open({
    modelsDir: DEMO_MODELS.dir,
    models: [TRANSLATION_FIXTURE],
    threads,
  });
  try {
    const loadStarted = process.hrtime.bigint();
    // Loads the engine and warms onnxruntime up, so the figures are steady-state translation.
    await translator.translate([{ id: 'warm-up', text: 'привет как дела', language: 'ru' }]);
    const loadSeconds = seconds(loadStarted);
    const started = process.hrtime.bigint();
    const results = await translator.translate(segments);
    const elapsed = seconds(started);
    const translated = results.filter((r) => r.status === 'translated').length;
    console.log(
      `\nTranslation ru→en, ${TRANSLATION_FIXTURE} (test model, speed only: trained on this corpus, ` +
        `its output quality means nothing here): ${segments.length} ground-truth "spoken" segments, ` +
        `${translated} translated, ${(speechSeconds / 60).toFixed(1)} min of speech.`,
    );
    console.log(
      rate(`translation ${TRANSLATION_FIXTURE}`, elapsed, callSeconds) +
        `   ${(segments.length / elapsed).toFixed(1)} segments/s   RTF vs speech ${(elapsed / speechSeconds).toFixed(4)}` +
        `   load+warm-up ${loadSeconds.toFixed(2)} s`,
    );
  } finally {
    await translator.close();
  }
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function rate(label: string, elapsed: number, audioSeconds: number): string {
  const rtf = elapsed / audioSeconds;
  return `${label.padEnd(44)} ${elapsed.toFixed(2).padStart(7)} s   RTF ${rtf.toFixed(4)}   ${(1 / rtf).toFixed(0).padStart(6)} audio-h/h`;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-speech-'));
try {
  const calls = await loadCorpus(scratch);
  const callSeconds = calls.reduce((sum, c) => sum + c.seconds, 0);
  const channelSeconds = calls.reduce(
    (sum, c) => sum + c.channels.reduce((s, ch) => s + ch.samples.length / ch.sampleRate, 0),
    0,
  );
  console.log(
    `Demo corpus: ${calls.length} calls, ${(callSeconds / 60).toFixed(1)} min of calls ` +
      `(${(channelSeconds / 60).toFixed(1)} min of channel audio); ${threads} thread(s); ${os.cpus().length} CPUs here.`,
  );
  console.log('RTF = processing time / call duration; audio-h/h = hours of calls processed per hour.\n');

  const vadSeconds = new Map<string, number>();
  const regionsByVad = new Map<string, Map<string, Map<number, SpeechRegion[]>>>();
  for (const vadModel of ['silero-vad-v6.2', 'silero-vad-v5']) {
    let vad;
    try {
      vad = openVad(settings, vadModel);
    } catch (error) {
      if (error instanceof ModelNotInstalledError) {
        console.log(`${vadModel}: not installed, skipped`);
        continue;
      }
      throw error;
    }
    const perCall = new Map<string, Map<number, SpeechRegion[]>>();
    const started = process.hrtime.bigint();
    for (const call of calls) {
      perCall.set(
        call.name,
        new Map(call.channels.map((c) => [c.channel, vad.detector.detect(c.samples, c.sampleRate)])),
      );
    }
    vadSeconds.set(vadModel, seconds(started));
    console.log(rate(`VAD ${vadModel} (every channel)`, vadSeconds.get(vadModel) ?? 0, callSeconds));
    regionsByVad.set(vadModel, perCall);
  }
  const regions = regionsByVad.get('silero-vad-v6.2');
  if (!regions) throw new Error('silero-vad-v6.2 is needed for the recognition figures');

  for (const precision of ['int8', 'fp32'] as ModelPrecision[]) {
    let model;
    try {
      model = locateRecogniserModel(modelsDir, 'test-asr-ru', precision);
    } catch (error) {
      if (error instanceof ModelNotInstalledError) {
        console.log(`test-asr-ru ${precision}: not installed, skipped`);
        continue;
      }
      throw error;
    }
    const loadStarted = process.hrtime.bigint();
    const recogniser = createRecogniser(model, { threads });
    const loadSeconds = seconds(loadStarted);
    // One warm-up decode so that the figures do not include onnxruntime's first-run set-up.
    await recogniser.recognise(new Float32Array(16_000), 16_000);
    let errors = 0;
    let length = 0;
    const started = process.hrtime.bigint();
    for (const call of calls) {
      const { segments } = await transcribeRecording({
        channels: call.channels,
        regionsByChannel: regions.get(call.name) ?? new Map<number, SpeechRegion[]>(),
        padding: DEFAULT_REGION_PADDING,
        recogniser,
        language: 'ru',
      });
      for (const channel of call.channels) {
        const cer = characterErrorRate(
          channel.reference,
          segments
            .filter((s) => s.channel === channel.channel)
            .map((s) => s.text)
            .join(' '),
        );
        errors += cer.errors;
        length += cer.length;
      }
    }
    const elapsed = seconds(started);
    console.log(
      rate(`recognition test-asr-ru ${precision} (VAD regions)`, elapsed, callSeconds) +
        `   CER ${((100 * errors) / length).toFixed(2)} %   load ${loadSeconds.toFixed(2)} s`,
    );
    const total = elapsed + (vadSeconds.get('silero-vad-v6.2') ?? 0);
    console.log(rate(`  VAD v6.2 + recognition ${precision}`, total, callSeconds));
  }
  await benchTranslation(calls, callSeconds);
  if (whisperArchitectures.length > 0) {
    benchWhisperEngines({
      calls,
      regions,
      callSeconds,
      architectures: whisperArchitectures,
      sampleSize: Number(args['whisper-regions']),
      threads,
      modelsDir,
      scratch,
      repo,
    });
  } else {
    console.log('\nWhisper rows: add `-- --whisper tiny,base,small` (slow on this CPU build; see README).');
  }
  console.log(
    '\nNot here: GigaAM v2 CTC (not installed; published anchor RTF about 0.33 on 2 threads), ' +
      'opus-mt-ru-en (not installed; its speed will differ from the small test model), ' +
      'sherpa-onnx Whisper (needs ONNX encoder/decoder exports that cannot be made here).',
  );
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

async function scratchTestModels(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-models-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  await installTestModels(dir);
  return dir;
}
