// Writes a whisper.cpp ggml model file with a real Whisper architecture and RANDOM weights.
//
// No pretrained weights can be downloaded on our machines and CI may lack numpy, so tests and the
// speed bench make their model here, in TypeScript. Encoder and decoder speed depend only on tensor
// shapes, so a random model of the real dimensions gives speed-only figures; its transcripts and
// language guesses are garbage. Layout follows whisper.cpp models/convert-pt-to-ggml.py: magic,
// 11 int32 hparams, mel filters, tokenizer words, then tensors (n_dims, name_len, ftype, dims
// reversed, name, data). Same output layout as make_random_ggml.py (kept for the GPU kit).
//
// Usage: npx tsx tools/whisper-random-model/random-ggml.ts --arch tiny --out model.bin [--seed N]
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** OpenAI's published dimensions, in ggml hparam order. */
interface WhisperDimensions {
  nVocab: number;
  nAudioCtx: number;
  nAudioState: number;
  nAudioHead: number;
  nAudioLayer: number;
  nTextCtx: number;
  nTextState: number;
  nTextHead: number;
  nTextLayer: number;
  nMels: number;
}

function dims(values: readonly number[]): WhisperDimensions {
  const [nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead] = values;
  const [nTextLayer, nMels] = values.slice(8);
  return {
    nVocab: nVocab!,
    nAudioCtx: nAudioCtx!,
    nAudioState: nAudioState!,
    nAudioHead: nAudioHead!,
    nAudioLayer: nAudioLayer!,
    nTextCtx: nTextCtx!,
    nTextState: nTextState!,
    nTextHead: nTextHead!,
    nTextLayer: nTextLayer!,
    nMels: nMels!,
  };
}

export const WHISPER_ARCHITECTURES = {
  tiny: dims([51865, 1500, 384, 6, 4, 448, 384, 6, 4, 80]),
  base: dims([51865, 1500, 512, 8, 6, 448, 512, 8, 6, 80]),
  small: dims([51865, 1500, 768, 12, 12, 448, 768, 12, 12, 80]),
  medium: dims([51865, 1500, 1024, 16, 24, 448, 1024, 16, 24, 80]),
  'large-v3': dims([51866, 1500, 1280, 20, 32, 448, 1280, 20, 32, 128]),
  'large-v3-turbo': dims([51866, 1500, 1280, 20, 32, 448, 1280, 20, 4, 128]),
  /**
   * Not an OpenAI size: the Whisper graph and file format with narrow layers, for tests. The
   * published linux-x64 whisper.node builds have no AVX/FMA code paths, so even random "tiny"
   * needs about 18 s per encoder window on this machine's cores; this one needs well under a second.
   * Window (1500 audio frames, 448 text positions), vocabulary and mel bins are the real ones.
   */
  'test-micro': dims([51865, 1500, 64, 2, 1, 448, 64, 2, 1, 80]),
} as const;
export type WhisperArchitecture = keyof typeof WHISPER_ARCHITECTURES;

const GGML_MAGIC = 0x67676d6c;
// Words in multilingual.tiktoken; whisper.cpp adds the special tokens (language, task, timestamps) itself.
const N_BASE_TOKENS = 50257;
const N_FFT_BINS = 201; // 400-point FFT at 16 kHz
const F16_WEIGHTS = 1;

interface TensorSpec {
  name: string;
  /** PyTorch shape; written reversed, as ggml orders dimensions. */
  shape: number[];
  f16: boolean;
}

/** Every tensor whisper.cpp looks up by name, with its shape. */
export function tensorSpecs(h: WhisperDimensions): TensorSpec[] {
  const specs: TensorSpec[] = [
    { name: 'encoder.positional_embedding', shape: [h.nAudioCtx, h.nAudioState], f16: false },
    { name: 'encoder.conv1.weight', shape: [h.nAudioState, h.nMels, 3], f16: true },
    { name: 'encoder.conv1.bias', shape: [h.nAudioState, 1], f16: false },
    { name: 'encoder.conv2.weight', shape: [h.nAudioState, h.nAudioState, 3], f16: true },
    { name: 'encoder.conv2.bias', shape: [h.nAudioState, 1], f16: false },
    { name: 'encoder.ln_post.weight', shape: [h.nAudioState], f16: false },
    { name: 'encoder.ln_post.bias', shape: [h.nAudioState], f16: false },
    { name: 'decoder.positional_embedding', shape: [h.nTextCtx, h.nTextState], f16: false },
    { name: 'decoder.token_embedding.weight', shape: [h.nVocab, h.nTextState], f16: true },
    { name: 'decoder.ln.weight', shape: [h.nTextState], f16: false },
    { name: 'decoder.ln.bias', shape: [h.nTextState], f16: false },
  ];
  const block = (prefix: string, n: number, cross: boolean): void => {
    for (const ln of ['mlp_ln', 'attn_ln', ...(cross ? ['cross_attn_ln'] : [])]) {
      specs.push({ name: `${prefix}.${ln}.weight`, shape: [n], f16: false });
      specs.push({ name: `${prefix}.${ln}.bias`, shape: [n], f16: false });
    }
    specs.push(
      { name: `${prefix}.mlp.0.weight`, shape: [4 * n, n], f16: true },
      { name: `${prefix}.mlp.0.bias`, shape: [4 * n], f16: false },
      { name: `${prefix}.mlp.2.weight`, shape: [n, 4 * n], f16: true },
      { name: `${prefix}.mlp.2.bias`, shape: [n], f16: false },
    );
    for (const attn of ['attn', ...(cross ? ['cross_attn'] : [])]) {
      specs.push(
        { name: `${prefix}.${attn}.query.weight`, shape: [n, n], f16: true },
        { name: `${prefix}.${attn}.query.bias`, shape: [n], f16: false },
        { name: `${prefix}.${attn}.key.weight`, shape: [n, n], f16: true },
        { name: `${prefix}.${attn}.value.weight`, shape: [n, n], f16: true },
        { name: `${prefix}.${attn}.value.bias`, shape: [n], f16: false },
        { name: `${prefix}.${attn}.out.weight`, shape: [n, n], f16: true },
        { name: `${prefix}.${attn}.out.bias`, shape: [n], f16: false },
      );
    }
  };
  for (let i = 0; i < h.nAudioLayer; i++) block(`encoder.blocks.${i}`, h.nAudioState, false);
  for (let i = 0; i < h.nTextLayer; i++) block(`decoder.blocks.${i}`, h.nTextState, true);
  return specs;
}

/** Slaney-style triangular mel filterbank, like librosa.filters.mel(sr=16000, n_fft=400), row-major. */
export function melFilters(nMels: number): Float32Array {
  const sampleRate = 16_000;
  const fftFreqs = Array.from({ length: N_FFT_BINS }, (_, i) => (i * sampleRate) / 2 / (N_FFT_BINS - 1));
  const logStep = Math.log(6.4) / 27;
  const hzToMel = (f: number): number => (f >= 1000 ? 15 + Math.log(f / 1000) / logStep : f / (200 / 3));
  const melToHz = (m: number): number => (m >= 15 ? 1000 * Math.exp(logStep * (m - 15)) : m * (200 / 3));
  const low = hzToMel(0);
  const high = hzToMel(sampleRate / 2);
  const points = Array.from({ length: nMels + 2 }, (_, i) => melToHz(low + ((high - low) * i) / (nMels + 1)));
  const weights = new Float32Array(nMels * N_FFT_BINS);
  for (let m = 0; m < nMels; m++) {
    const [left, centre, right] = [points[m]!, points[m + 1]!, points[m + 2]!];
    const norm = 2 / (right - left);
    for (let k = 0; k < N_FFT_BINS; k++) {
      const f = fftFreqs[k]!;
      const rise = (f - left) / (centre - left);
      const fall = (right - f) / (right - centre);
      weights[m * N_FFT_BINS + k] = Math.max(0, Math.min(rise, fall)) * norm;
    }
  }
  return weights;
}

/** IEEE half-precision bits of a float (round to nearest; the small values here never overflow). */
function toFloat16Bits(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) return sign; // flush tiny values to zero: no subnormals to slow the CPU down
  if (exponent >= 31) return sign | 0x7c00;
  return sign | (exponent << 10) | ((mantissa + 0x1000) >>> 13);
}

/** Deterministic normal values (mulberry32 + Box-Muller), so a seed always gives the same file. */
export function randomNormals(count: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform() + 1e-12));
    const theta = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

const POOL_SIZE = 1 << 20;
// Offsets into the pool move by a prime per tensor so neighbouring tensors do not share values.
const POOL_STRIDE = 7919;
const WEIGHT_SCALE = 0.02; // keeps activations finite through 32 layers

class BufferedFile {
  private readonly chunks: Buffer[] = [];
  private pending = 0;
  constructor(private readonly fd: number) {}
  write(data: Buffer | ArrayBufferView): void {
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.chunks.push(Buffer.from(buffer));
    this.pending += buffer.length;
    if (this.pending >= 8 << 20) this.flush();
  }
  int32(...values: number[]): void {
    const buffer = Buffer.alloc(4 * values.length);
    values.forEach((v, i) => buffer.writeInt32LE(v, 4 * i));
    this.write(buffer);
  }
  flush(): void {
    if (this.pending === 0) return;
    fs.writeSync(this.fd, Buffer.concat(this.chunks, this.pending));
    this.chunks.length = 0;
    this.pending = 0;
  }
}

export interface RandomModelRequest {
  arch: WhisperArchitecture;
  file: string;
  seed?: number;
}

/** Writes the model and returns its size in bytes. */
export function writeRandomWhisperModel(request: RandomModelRequest): number {
  const h = WHISPER_ARCHITECTURES[request.arch];
  const normals = randomNormals(POOL_SIZE, request.seed ?? 0);
  const poolF32 = normals.map((v) => v * WEIGHT_SCALE);
  const poolF16 = new Uint16Array(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) poolF16[i] = toFloat16Bits(poolF32[i]!);

  const fd = fs.openSync(request.file, 'w');
  try {
    const out = new BufferedFile(fd);
    out.int32(GGML_MAGIC);
    out.int32(
      h.nVocab,
      h.nAudioCtx,
      h.nAudioState,
      h.nAudioHead,
      h.nAudioLayer,
      h.nTextCtx,
      h.nTextState,
      h.nTextHead,
      h.nTextLayer,
      h.nMels,
      F16_WEIGHTS,
    );
    out.int32(h.nMels, N_FFT_BINS);
    out.write(melFilters(h.nMels));
    out.int32(N_BASE_TOKENS);
    for (let i = 0; i < N_BASE_TOKENS; i++) {
      // Printable single characters, then placeholder words: the text is meaningless anyway.
      const word = Buffer.from(i < 256 ? String.fromCharCode(32 + (i % 95)) : `w${i}`, 'utf8');
      out.int32(word.length);
      out.write(word);
    }
    let offset = 0;
    for (const spec of tensorSpecs(h)) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      const isNormWeight = spec.name.endsWith('ln.weight') || spec.name === 'encoder.ln_post.weight';
      const name = Buffer.from(spec.name, 'utf8');
      out.int32(spec.shape.length, name.length, spec.f16 ? 1 : 0);
      out.int32(...[...spec.shape].reverse());
      out.write(name);
      const data = spec.f16 ? new Uint16Array(count) : new Float32Array(count);
      if (isNormWeight) data.fill(spec.f16 ? toFloat16Bits(1) : 1);
      else {
        const pool = spec.f16 ? poolF16 : poolF32;
        for (let filled = 0; filled < count;) {
          const from = (offset + filled) % POOL_SIZE;
          const take = Math.min(count - filled, POOL_SIZE - from);
          data.set(pool.subarray(from, from + take), filled);
          filled += take;
        }
        offset += POOL_STRIDE;
      }
      out.write(data);
    }
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(request.file).size;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      arch: { type: 'string', default: 'tiny' },
      out: { type: 'string' },
      seed: { type: 'string', default: '0' },
    },
  });
  if (!values.out || !(values.arch in WHISPER_ARCHITECTURES)) {
    console.error(
      `usage: random-ggml.ts --arch ${Object.keys(WHISPER_ARCHITECTURES).join('|')} --out FILE [--seed N]`,
    );
    process.exit(2);
  }
  const arch = values.arch as WhisperArchitecture;
  const bytes = writeRandomWhisperModel({ arch, file: values.out, seed: Number(values.seed) });
  console.error(`wrote ${values.out} (${arch}, ${(bytes / 1e6).toFixed(1)} MB, random weights: speed-only)`);
}
