// Whisper rows of `npm run bench:speech -- --whisper tiny,base,small`: whisper.cpp (the
// @fugood/whisper.node CPU addon) on RANDOM-weight models of the real architectures, against the
// test-asr-ru CTC model on the same sample of padded VAD regions. Each engine runs in its own
// process (bench/speech-engine-child.ts) so that load time and peak RSS are its own.
// SPEED-ONLY: random weights say nothing about accuracy, and they emit fewer tokens than a real
// model would on speech, so the decoder's share is under-counted (the encoder, which dominates
// on CPU, always runs one full 30 s window per call).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { padRegions, DEFAULT_REGION_PADDING } from '../src/speech/speech-regions.ts';
import type { SpeechRegion } from '../src/speech/voice-activity.ts';
import {
  WHISPER_ARCHITECTURES,
  writeRandomWhisperModel,
  type WhisperArchitecture,
} from '../tools/whisper-random-model/random-ggml.ts';
import type { EngineChildResult } from './speech-engine-child.ts';

export interface BenchChannel {
  channel: number;
  samples: Float32Array;
  sampleRate: number;
}

export interface WhisperBenchRequest {
  calls: { name: string; channels: BenchChannel[] }[];
  regions: Map<string, Map<number, SpeechRegion[]>>;
  callSeconds: number;
  architectures: WhisperArchitecture[];
  sampleSize: number;
  threads: number;
  modelsDir: string;
  scratch: string;
  repo: string;
}

export function parseArchitectures(list: string): WhisperArchitecture[] {
  const names = list.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(name in WHISPER_ARCHITECTURES)) {
      throw new Error(
        `--whisper: unknown architecture "${name}" (${Object.keys(WHISPER_ARCHITECTURES).join(', ')})`,
      );
    }
  }
  return names as WhisperArchitecture[];
}

export function benchWhisperEngines(request: WhisperBenchRequest): void {
  // Every padded region of the corpus, then an evenly spread sample of them (same for every engine).
  const all: Float32Array[] = [];
  for (const call of request.calls) {
    for (const channel of call.channels) {
      const seconds = channel.samples.length / channel.sampleRate;
      const padded = padRegions(
        request.regions.get(call.name)?.get(channel.channel) ?? [],
        DEFAULT_REGION_PADDING,
        seconds,
      );
      for (const r of padded) {
        all.push(
          channel.samples.subarray(
            Math.floor(r.start * channel.sampleRate),
            Math.ceil(r.end * channel.sampleRate),
          ),
        );
      }
    }
  }
  const corpusRegionSeconds = all.reduce((sum, r) => sum + r.length, 0) / 16_000;
  const step = Math.max(1, Math.floor(all.length / request.sampleSize));
  const sample = all.filter((_, i) => i % step === 0).slice(0, request.sampleSize);
  const audioFile = path.join(request.scratch, 'regions.f32');
  const lengthsFile = path.join(request.scratch, 'regions.json');
  const joined = new Float32Array(sample.reduce((sum, r) => sum + r.length, 0));
  let offset = 0;
  for (const r of sample) {
    joined.set(r, offset);
    offset += r.length;
  }
  fs.writeFileSync(audioFile, Buffer.from(joined.buffer));
  fs.writeFileSync(lengthsFile, JSON.stringify(sample.map((r) => r.length)));
  const sampleSeconds = joined.length / 16_000;
  console.log(
    `\nWhisper (whisper.cpp, @fugood/whisper.node CPU addon) vs NeMo-CTC, each in its own process, ` +
      `${request.threads} thread(s), on ${sample.length} of the corpus's ${all.length} padded VAD regions ` +
      `(${sampleSeconds.toFixed(1)} s of ${corpusRegionSeconds.toFixed(0)} s of region audio). ` +
      `"corpus audio-h/h" scales the speed per region-second to the whole corpus (` +
      `${((100 * corpusRegionSeconds) / request.callSeconds).toFixed(0)} % of call time is region audio, ` +
      `both channels counted). Whisper rows: RANDOM weights, SPEED-ONLY.`,
  );
  console.log(
    `${'engine'.padEnd(40)} ${'load s'.padStart(7)} ${'recog s'.padStart(8)} ${'s/region'.padStart(9)} ` +
      `${'RTF(region)'.padStart(11)} ${'corpus audio-h/h'.padStart(17)} ${'peak RSS MB'.padStart(12)}`,
  );
  const run = (label: string, args: string[]): void => {
    let result: EngineChildResult;
    try {
      const out = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(request.repo, 'bench', 'speech-engine-child.ts'),
          ...args,
          '--threads',
          String(request.threads),
          '--audio',
          audioFile,
          '--lengths',
          lengthsFile,
        ],
        { cwd: request.repo, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 },
      );
      result = JSON.parse(out.toString().trim().split('\n').at(-1) ?? '{}') as EngineChildResult;
    } catch (error) {
      console.log(
        `${label.padEnd(40)} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
      return;
    }
    const perRegionSecond = result.recogniseSeconds / result.regionSeconds;
    const corpusRtf = (perRegionSecond * corpusRegionSeconds) / request.callSeconds;
    console.log(
      `${label.padEnd(40)} ${result.loadSeconds.toFixed(2).padStart(7)} ${result.recogniseSeconds.toFixed(1).padStart(8)} ` +
        `${(result.recogniseSeconds / result.regions).toFixed(2).padStart(9)} ${perRegionSecond.toFixed(3).padStart(11)} ` +
        `${formatRate(1 / corpusRtf).padStart(17)} ${result.maxRssMB.toFixed(0).padStart(12)}` +
        (result.emptyResults > 0 ? `   (${result.emptyResults} regions gave no text)` : ''),
    );
  };
  run('test-asr-ru int8 (NeMo-CTC, baseline)', [
    '--engine',
    'ctc',
    '--model',
    'test-asr-ru',
    '--models-dir',
    request.modelsDir,
  ]);
  for (const arch of request.architectures) {
    const file = path.join(request.scratch, `ggml-${arch}-random.bin`);
    const bytes = writeRandomWhisperModel({ arch, file });
    run(`whisper ${arch} f16 (${(bytes / 1e6).toFixed(0)} MB), SPEED-ONLY`, [
      '--engine',
      'whisper',
      '--model',
      file,
    ]);
    fs.rmSync(file, { force: true });
  }
}

/** Two significant digits for slow engines, whole numbers for fast ones. */
function formatRate(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toPrecision(2);
}
