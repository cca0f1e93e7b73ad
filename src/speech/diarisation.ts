import { findInstalledModel, type ResolvedModel } from '../models/model-store.ts';
import { sherpaOnnx } from './sherpa-onnx.ts';
import type { SpeakerTurn } from './speech-regions.ts';

/**
 * Optional speaker diarisation of mono calls (sherpa-onnx offline diarisation: pyannote
 * segmentation + a speaker-embedding model + clustering). When its two models are not installed
 * the caller gets undefined and keeps one "speaker unknown" lane: a call never fails for lack of it.
 */
// Catalog names (src/models/catalog.ts); the first installed embedding model is used.
export const DIARISATION_SEGMENTATION_MODEL = { name: 'pyannote-segmentation-3.0', file: 'model.onnx' };
export const DIARISATION_EMBEDDING_MODELS = [
  { name: 'speaker-embedding-wespeaker-campplus', file: 'wespeaker_en_voxceleb_CAM++.onnx' },
  { name: 'speaker-embedding-titanet-small', file: 'nemo_en_titanet_small.onnx' },
];

export interface Diariser {
  /** Catalog names of the two models, and the SHA-256 of their files as installed (by base name). */
  models: { segmentation: string; embedding: string };
  modelFiles: Record<string, string>;
  params: { clusteringThreshold: number; minDurationOn: number; minDurationOff: number };
  diarise(samples: Float32Array): SpeakerTurn[];
}

export function findDiariser(modelsDir: string, options: { threads?: number } = {}): Diariser | undefined {
  const segmentation = installedFile(modelsDir, DIARISATION_SEGMENTATION_MODEL);
  const embedding = DIARISATION_EMBEDDING_MODELS.map((m) => installedFile(modelsDir, m)).find(
    (file) => file !== undefined,
  );
  if (!segmentation || !embedding) return undefined;
  const threads = options.threads ?? 2;
  // Phone calls rarely have more than a few voices; the threshold clusters without a fixed count.
  const params = { clusteringThreshold: 0.5, minDurationOn: 0.3, minDurationOff: 0.5 };
  const engine = new (sherpaOnnx().OfflineSpeakerDiarization)({
    segmentation: { pyannote: { model: segmentation.path }, numThreads: threads, debug: 0 },
    embedding: { model: embedding.path, numThreads: threads, debug: 0 },
    clustering: { numClusters: -1, threshold: params.clusteringThreshold },
    minDurationOn: params.minDurationOn,
    minDurationOff: params.minDurationOff,
  });
  return {
    // Names and checksums, not paths: a transcript says which models split its speakers.
    models: { segmentation: segmentation.model.name, embedding: embedding.model.name },
    modelFiles: { ...segmentation.checksum, ...embedding.checksum },
    params,
    diarise(samples) {
      return engine
        .process(samples)
        .map((turn) => ({ start: turn.start, end: turn.end, speaker: turn.speaker }));
    },
  };
}

function installedFile(
  modelsDir: string,
  wanted: { name: string; file: string },
): { model: ResolvedModel; path: string; checksum: Record<string, string> } | undefined {
  const model = findInstalledModel({ modelsDir }, wanted.name);
  if (!model) return undefined;
  return { model, path: model.filePath(wanted.file), checksum: model.checksums([wanted.file]) };
}
