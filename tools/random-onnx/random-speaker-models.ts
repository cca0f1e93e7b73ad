import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomNormals } from '../whisper-random-model/random-ggml.ts';
import { encodeOnnxModel, ONNX_FLOAT, ONNX_INT64, type OnnxGraph } from './onnx-proto.ts';

/*
 * RANDOM-weight stand-ins for the diarisation models of the catalog, for tests: no pretrained
 * weights can be downloaded here. Each has exactly the inputs, outputs and metadata sherpa-onnx
 * (1.13.x) reads from the real export, so the engine loads and runs it like the real one; what
 * it computes is meaningless (speaker turns and clusters are arbitrary). Where sherpa-onnx reads:
 * - pyannote: csrc/offline-speaker-segmentation-pyannote-model.cc (metadata) and
 *   offline-speaker-diarization-pyannote-impl.h (input [N,1,window_size], output
 *   [N, frames, num_classes] powerset scores, frames = (window - receptive field) / shift + 1);
 * - WeSpeaker / 3D-Speaker: speaker-embedding-extractor-model.cc and -general-impl.h (input fbank
 *   [N,T,80], first output [N,output_dim]);
 * - NeMo: speaker-embedding-extractor-nemo-model.cc and -nemo-impl.h (inputs features [N,80,T]
 *   and lengths [N] int64, the SECOND output is the embedding).
 * The metadata values are those of the export scripts (scripts/pyannote/segmentation/export-onnx.py,
 * scripts/wespeaker/add_meta_data.py, scripts/nemo/speaker-verification/export-onnx.py).
 *
 * Usage: npx tsx tools/random-onnx/random-speaker-models.ts --kind pyannote --out model.onnx [--seed N]
 */

export type SpeakerModelKind = 'pyannote-segmentation' | 'wespeaker-embedding' | 'nemo-embedding';

const SAMPLE_RATE = 16_000;
const FBANK_DIM = 80;
const EMBEDDING_DIM = 192;
// pyannote segmentation 3.0: 10 s windows, 991-sample receptive field every 270 samples, three
// speakers with at most two at once (7 powerset classes).
const PYANNOTE = { window: 160_000, field: 991, shift: 270, speakers: 3, maxClasses: 2, classes: 7 };

function weights(name: string, dims: number[], seed: number, scale: number) {
  const count = dims.reduce((a, b) => a * b, 1);
  const values = randomNormals(count, seed).map((v) => v * scale);
  return { name, dims, values };
}

function pyannoteSegmentation(seed: number): OnnxGraph {
  const { window, field, shift, speakers, maxClasses, classes } = PYANNOTE;
  return {
    name: 'random_pyannote_segmentation',
    opset: 13,
    inputs: [{ name: 'x', elemType: ONNX_FLOAT, shape: ['N', 1, 'T'] }],
    outputs: [{ name: 'y', elemType: ONNX_FLOAT, shape: ['N', 'frames', classes] }],
    initializers: [
      weights('conv_weight', [classes, 1, field], seed, 1 / Math.sqrt(field)),
      weights('conv_bias', [classes], seed + 1, 0.1),
    ],
    nodes: [
      {
        op: 'Conv',
        inputs: ['x', 'conv_weight', 'conv_bias'],
        outputs: ['scores'],
        attributes: { kernel_shape: [field], strides: [shift] },
      },
      { op: 'Transpose', inputs: ['scores'], outputs: ['frames'], attributes: { perm: [0, 2, 1] } },
      { op: 'LogSoftmax', inputs: ['frames'], outputs: ['y'], attributes: { axis: -1 } },
    ],
    metadata: {
      num_speakers: speakers,
      powerset_max_classes: maxClasses,
      num_classes: classes,
      sample_rate: SAMPLE_RATE,
      window_size: window,
      receptive_field_size: field,
      receptive_field_shift: shift,
      model_type: 'pyannote-segmentation-3.0',
      version: '1',
      comment: 'RANDOM WEIGHTS (Earshot test stand-in), not a usable model',
    },
  };
}

/** Mean fbank frame times a random projection: one embedding per input. */
function wespeakerEmbedding(seed: number): OnnxGraph {
  return {
    name: 'random_wespeaker_embedding',
    opset: 13,
    inputs: [{ name: 'feats', elemType: ONNX_FLOAT, shape: ['B', 'T', FBANK_DIM] }],
    outputs: [{ name: 'embs', elemType: ONNX_FLOAT, shape: ['B', EMBEDDING_DIM] }],
    initializers: [weights('projection', [FBANK_DIM, EMBEDDING_DIM], seed, 1 / Math.sqrt(FBANK_DIM))],
    nodes: [
      { op: 'ReduceMean', inputs: ['feats'], outputs: ['mean'], attributes: { axes: [1], keepdims: 0 } },
      { op: 'MatMul', inputs: ['mean', 'projection'], outputs: ['embs'] },
    ],
    metadata: {
      framework: 'wespeaker',
      language: 'English',
      url: 'https://github.com/wenet-e2e/wespeaker/blob/master/docs/pretrained.md',
      comment: 'RANDOM WEIGHTS (Earshot test stand-in), not a usable model',
      sample_rate: SAMPLE_RATE,
      output_dim: EMBEDDING_DIM,
      normalize_samples: 0,
    },
  };
}

/** NeMo's export has logits first and the embedding second; sherpa-onnx reads the second. */
function nemoEmbedding(seed: number): OnnxGraph {
  return {
    name: 'random_nemo_embedding',
    opset: 13,
    inputs: [
      { name: 'audio_signal', elemType: ONNX_FLOAT, shape: ['B', FBANK_DIM, 'T'] },
      { name: 'length', elemType: ONNX_INT64, shape: ['B'] },
    ],
    outputs: [
      { name: 'logits', elemType: ONNX_FLOAT, shape: ['B', 16] },
      { name: 'embs', elemType: ONNX_FLOAT, shape: ['B', EMBEDDING_DIM] },
    ],
    initializers: [
      weights('projection', [FBANK_DIM, EMBEDDING_DIM], seed, 1 / Math.sqrt(FBANK_DIM)),
      weights('classifier', [EMBEDDING_DIM, 16], seed + 1, 1 / Math.sqrt(EMBEDDING_DIM)),
    ],
    nodes: [
      {
        op: 'ReduceMean',
        inputs: ['audio_signal'],
        outputs: ['mean'],
        attributes: { axes: [2], keepdims: 0 },
      },
      { op: 'MatMul', inputs: ['mean', 'projection'], outputs: ['embs'] },
      { op: 'MatMul', inputs: ['embs', 'classifier'], outputs: ['logits'] },
    ],
    metadata: {
      framework: 'nemo',
      language: 'English',
      url: 'https://catalog.ngc.nvidia.com/orgs/nvidia/teams/nemo/models/titanet_small',
      comment: 'RANDOM WEIGHTS (Earshot test stand-in), not a usable model',
      sample_rate: SAMPLE_RATE,
      output_dim: EMBEDDING_DIM,
      feature_normalize_type: 'per_feature',
      window_size_ms: 25,
      window_stride_ms: 10,
      window_type: 'hann',
      feat_dim: FBANK_DIM,
    },
  };
}

const GRAPHS: Record<SpeakerModelKind, (seed: number) => OnnxGraph> = {
  'pyannote-segmentation': pyannoteSegmentation,
  'wespeaker-embedding': wespeakerEmbedding,
  'nemo-embedding': nemoEmbedding,
};

/** The model's bytes: the same kind and seed always give the same bytes. */
export function randomSpeakerModel(kind: SpeakerModelKind, seed = 0): Uint8Array {
  return encodeOnnxModel(GRAPHS[kind](seed));
}

export function writeRandomSpeakerModel(request: {
  kind: SpeakerModelKind;
  file: string;
  seed?: number;
}): void {
  fs.writeFileSync(request.file, randomSpeakerModel(request.kind, request.seed ?? 0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const { values } = parseArgs({
    options: { kind: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '0' } },
  });
  if (!values.out || !values.kind || !(values.kind in GRAPHS)) {
    console.error(
      `usage: random-speaker-models.ts --kind ${Object.keys(GRAPHS).join('|')} --out FILE [--seed N]`,
    );
    process.exit(2);
  }
  writeRandomSpeakerModel({
    kind: values.kind as SpeakerModelKind,
    file: values.out,
    seed: Number(values.seed),
  });
  console.error(`wrote ${values.out} (${values.kind}, RANDOM weights: for tests only)`);
}
