import { beforeAll, describe, expect, it } from 'vitest';
import { pipelineTestModelsDir, TEST_ASR_MODEL } from '../../test/helpers/speech-models.ts';
import { loadAlignmentClips } from '../../test/helpers/word-alignment-clips.ts';
import { ctcWordAligner } from './ctc-aligner.ts';
import { locateRecogniserModel } from './model-location.ts';
import { createRecogniser } from './recogniser.ts';
import { editDistance } from './text-metrics.ts';

// The aligner runs the recogniser's own model.onnx through onnxruntime on a front end written
// again here (ctc-features.ts). If that front end drifted from sherpa-onnx's, the alignment would
// be made on features the model never saw: so greedy decoding of our log-probabilities must give
// sherpa's text and token times, token for token. Then: words aligned to the audio lie where they
// were spoken (fixture clips with true word times, made by tools/word-alignment/make-clips.ts).

let clips: Awaited<ReturnType<typeof loadAlignmentClips>>;
beforeAll(async () => {
  clips = await loadAlignmentClips();
}, 60_000);
// tokens.txt of the test model: ▁ 0, а–я 1–32, <blk> 33 (sherpa returns ▁ as a space).
const vocabulary = [' ', ...'абвгдежзийклмнопрстуфхцчшщъыьэюя'];
const model = () => locateRecogniserModel(pipelineTestModelsDir(), TEST_ASR_MODEL);

function greedy(probs: { data: Float32Array; frames: number; vocabulary: number; step: number }) {
  const ids: number[] = [];
  const times: number[] = [];
  let previous = -1;
  for (let t = 0; t < probs.frames; t++) {
    let best = 0;
    for (let v = 1; v < probs.vocabulary; v++) {
      if (probs.data[t * probs.vocabulary + v]! > probs.data[t * probs.vocabulary + best]!) best = v;
    }
    if (best !== probs.vocabulary - 1 && best !== previous) {
      ids.push(best);
      times.push(Math.round(t * probs.step * 100) / 100);
    }
    previous = best;
  }
  return { ids, times };
}

describe('CTC word alignment with the recogniser model', () => {
  it.each(['fp32', 'int8'] as const)(
    'computes the features sherpa-onnx computes: greedy decoding gives its text and token times (%s)',
    async (precision) => {
      const files = locateRecogniserModel(pipelineTestModelsDir(), TEST_ASR_MODEL, precision);
      const recogniser = createRecogniser(files, { threads: 1 });
      const aligner = ctcWordAligner(files);
      let characters = 0;
      let edits = 0;
      let tokens = 0;
      let sameTime = 0;
      for (const clip of clips) {
        const sherpa = await recogniser.recognise(clip.samples, 16_000);
        const ours = greedy(await aligner.logProbs(clip.samples));
        const text = sherpa.tokens.map((t) => t.token).join('');
        characters += text.length;
        edits += editDistance(ours.ids.map((id) => vocabulary[id]).join(''), text);
        if (ours.ids.length !== sherpa.tokens.length) continue;
        sherpa.tokens.forEach((token, i) => {
          const difference = Math.abs(ours.times[i]! - token.start);
          // Round-off (sherpa's float32 FFT against fft.js's) may move a near-tie by one frame;
          // int8 models, quantising activations per input, magnify it most.
          expect(difference, `${clip.file} token ${i}`).toBeLessThanOrEqual(0.041);
          tokens++;
          if (difference < 0.001) sameTime++;
        });
      }
      expect(edits / characters).toBeLessThanOrEqual(0.01);
      expect(sameTime / tokens).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('places every word of a sentence near where it was said (mean boundary error under 0.3 s, emission lag included)', async () => {
    const aligner = ctcWordAligner(model());
    const errors: number[] = [];
    for (const clip of clips) {
      const words = clip.words.map((w) => w.w);
      const duration = clip.samples.length / 16_000;
      const [result] = await aligner.alignRuns(clip.samples, 16_000, [{ words, from: 0, to: duration }]);
      expect(result?.aligned, clip.file).toBe(true);
      if (!result?.aligned) continue;
      result.words.forEach((time, i) => {
        const truth = clip.words[i]!;
        expect(time, truth.w).not.toBeNull();
        errors.push(Math.abs(time!.start - truth.start), Math.abs(time!.end - truth.end));
        // In order, never overlapping.
        if (i > 0) expect(time!.start).toBeGreaterThanOrEqual(result.words[i - 1]!.end);
      });
    }
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    expect(mean).toBeLessThan(0.3);
  });

  it('says why it cannot align: audio too short, or words that need more frames than the audio has', async () => {
    const aligner = ctcWordAligner(model());
    const clip = clips[0]!;
    const [short] = await aligner.alignRuns(clip.samples.subarray(0, 1600), 16_000, [
      { words: ['мама'], from: 0, to: 0.1 },
    ]);
    expect(short?.aligned === false && short.reason).toMatch(/shorter than/);
    const many = Array.from({ length: 40 }, () => 'комендатуру');
    const [crowded] = await aligner.alignRuns(clip.samples, 16_000, [{ words: many, from: 0, to: 1 }]);
    expect(crowded?.aligned === false && crowded.reason).toMatch(/do not fit/);
  });

  it('leaves words with no letters the model writes (digits, Latin) to the caller, aligning the rest', async () => {
    const aligner = ctcWordAligner(model());
    const clip = clips[1]!;
    const words = clip.words.map((w) => w.w);
    words.splice(3, 0, '500', 'OK');
    const [result] = await aligner.alignRuns(clip.samples, 16_000, [{ words, from: 0, to: 5 }]);
    expect(result?.aligned).toBe(true);
    if (result?.aligned) {
      expect(result.words.map((w) => w === null)).toEqual(words.map((w) => w === '500' || w === 'OK'));
    }
  });
});
