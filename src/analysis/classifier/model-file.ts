import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CATEGORIES, type Category } from '../types.ts';

/**
 * The committed model file: per category a bias, the Platt calibration of its score and its
 * non-zero weights, quantised to int8 (one scale per category) over the hashed feature space, with
 * feature indices delta-encoded as varints, both base64. Small enough to commit, exact enough: the
 * quantisation error of a weight is at most scale / 2.
 */

export const MODEL_FORMAT = 'earshot-meaning-1';

/** The committed model (`npm run train:analysis` writes it). */
export const MODEL_PATH = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'model',
  'meaning-model.json',
);

export interface CategoryModel {
  category: Category;
  bias: number;
  /** Calibrated probability = 1 / (1 + exp(-(a * score + b))). */
  platt: { a: number; b: number };
  /** Feature indices (ascending) and their weights. */
  indices: Int32Array;
  weights: Float32Array;
}

export interface MeaningModel {
  format: typeof MODEL_FORMAT;
  hashBits: number;
  /** sha256 of the training data (corpus files and development labels) the model was trained on. */
  corpusHash: string;
  /** What the model saw: segments per source. */
  trainedOn: Record<string, number>;
  /** Flags are reported at or above this calibrated probability. */
  reportThreshold: number;
  categories: CategoryModel[];
}

const fileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    hashBits: z.number().int().min(8).max(24),
    corpusHash: z.string().regex(/^[0-9a-f]{64}$/),
    trainedOn: z.record(z.string(), z.number().int().nonnegative()),
    reportThreshold: z.number().min(0).max(1),
    categories: z.array(
      z
        .object({
          category: z.enum(CATEGORIES),
          bias: z.number(),
          platt: z.object({ a: z.number(), b: z.number() }).strict(),
          scale: z.number().nonnegative(),
          count: z.number().int().nonnegative(),
          indices: z.string(),
          weights: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

function writeVarints(values: Int32Array): Buffer {
  const bytes: number[] = [];
  let previous = 0;
  for (const value of values) {
    let delta = value - previous;
    previous = value;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    bytes.push(delta);
  }
  return Buffer.from(bytes);
}

function readVarints(bytes: Buffer, count: number): Int32Array {
  const out = new Int32Array(count);
  let position = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[position++] ?? 0;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    previous += value;
    out[i] = previous;
  }
  return out;
}

/** Weights smaller than `pruneBelow` are dropped; the rest quantised to int8. */
export function serialiseModel(model: MeaningModel, pruneBelow: number): string {
  const categories = model.categories.map((c) => {
    const kept: number[] = [];
    c.weights.forEach((w, i) => {
      if (Math.abs(w) >= pruneBelow) kept.push(i);
    });
    const scale = kept.reduce((m, i) => Math.max(m, Math.abs(c.weights[i]!)), 0) / 127;
    const quantised = Int8Array.from(kept, (i) => (scale > 0 ? Math.round(c.weights[i]! / scale) : 0));
    return {
      category: c.category,
      bias: round(c.bias),
      platt: { a: round(c.platt.a), b: round(c.platt.b) },
      scale,
      count: kept.length,
      indices: writeVarints(Int32Array.from(kept, (i) => c.indices[i]!)).toString('base64'),
      weights: Buffer.from(quantised.buffer).toString('base64'),
    };
  });
  const { format, hashBits, corpusHash, trainedOn, reportThreshold } = model;
  return `${JSON.stringify({ format, hashBits, corpusHash, trainedOn, reportThreshold, categories })}\n`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function parseModel(json: string, where: string): MeaningModel {
  const parsed = fileSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`${where} is not a meaning model: ${parsed.error.message}`);
  const file = parsed.data;
  return {
    ...file,
    format: MODEL_FORMAT,
    categories: file.categories.map((c) => {
      const weights = new Int8Array(Buffer.from(c.weights, 'base64'));
      if (weights.length !== c.count)
        throw new Error(`${where}: ${c.category} has the wrong number of weights`);
      return {
        category: c.category,
        bias: c.bias,
        platt: c.platt,
        indices: readVarints(Buffer.from(c.indices, 'base64'), c.count),
        weights: Float32Array.from(weights, (q) => q * c.scale),
      };
    }),
  };
}
