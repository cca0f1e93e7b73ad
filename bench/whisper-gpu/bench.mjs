// Speed-only benchmark of @fugood/whisper.node on a random-weight whisper model (see README.md).
// Usage: node bench.mjs --model FILE --variant cuda|default [--gpu] [--threads N] [--repeat N] --out FILE.json
// Runs outside the project's TypeScript tree on purpose: the GPU box has a bare node binary only.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--'))
      pairs.push([arg.slice(2), all[i + 1]?.startsWith('--') ? 'true' : (all[i + 1] ?? 'true')]);
    return pairs;
  }, []),
);
const whisper = require(args.lib ?? '@fugood/whisper.node');
const variant = args.variant ?? 'default';
const useGpu = args.gpu === 'true';
const threads = Number(args.threads ?? 4);
const repeat = Number(args.repeat ?? 3);
const log = [];
whisper.addNativeLogListener?.((level, text) => log.push(`[${level}] ${text}`));
await whisper.toggleNativeLog?.(true);

// 30 s of 16 kHz mono s16 PCM: a quiet chirp plus noise (content is irrelevant with random weights).
function syntheticPcm(seconds) {
  const n = 16000 * seconds;
  const pcm = new Int16Array(n);
  let seed = 1;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const t = i / 16000;
    pcm[i] = Math.round(3000 * Math.sin(2 * Math.PI * (200 + 20 * t) * t) + (seed / 0x7fffffff - 0.5) * 2000);
  }
  return pcm.buffer;
}

const result = { variant, useGpu, threads, model: args.model, speedOnly: true, weights: 'random' };
const t0 = performance.now();
let ctx;
try {
  ctx = await whisper.initWhisper(
    { filePath: args.model, useGpu, useFlashAttn: args.flash === 'true' },
    variant,
  );
} catch (error) {
  result.error = String(error?.stack ?? error);
  result.nativeLog = log.slice(-80);
  writeFileSync(args.out, JSON.stringify(result, null, 2));
  console.error(result.error);
  process.exit(1);
}
result.loadMs = performance.now() - t0;
result.modelInfo = ctx.getModelInfo?.();

result.bench = [];
for (let i = 0; i < repeat; i++) {
  const b0 = performance.now();
  const b = await ctx.bench(threads);
  result.bench.push({ ...b, wallMs: performance.now() - b0 });
  console.log(JSON.stringify(result.bench.at(-1)));
}

// Full transcribe of 30 s: encoder + greedy decode; garbage text, so cap the tokens per segment.
const pcm = syntheticPcm(30);
result.transcribe30s = [];
for (let i = 0; i < (args['skip-transcribe'] === 'true' ? 0 : repeat); i++) {
  const s0 = performance.now();
  // The options Earshot's recogniser passes (src/speech/whisper-recogniser.ts), minus the
  // temperature fallback, which random weights would trigger on every window.
  const { promise } = ctx.transcribeData(pcm, {
    language: 'ru',
    translate: false,
    maxThreads: threads,
    temperature: 0,
    temperatureInc: 0,
    bestOf: 5,
    tokenTimestamps: true,
    maxLen: 1,
  });
  const r = await promise;
  const wallMs = performance.now() - s0;
  result.transcribe30s.push({ wallMs, segments: r.segments.length, chars: r.result.length });
  console.log(JSON.stringify(result.transcribe30s.at(-1)));
}
result.nativeLog = log
  .filter((l) => /timings|encode|decode|CUDA|cuda|ggml|backend|device|compute|error|warn/i.test(l))
  .slice(-120);
await ctx.release();
writeFileSync(args.out, JSON.stringify(result, null, 2));
console.log(`wrote ${args.out}`);
