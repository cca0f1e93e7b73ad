import { describe, expect, it } from 'vitest';
import { fitPlatt } from '../../../src/analysis/classifier/training/calibrate.ts';
import { DEFAULT_TRAIN_OPTIONS } from '../../../src/analysis/classifier/training/train-linear.ts';
import { seededRandom } from '../../../src/analysis/seeded-random.ts';
import type { Category } from '../../../src/analysis/types.ts';
import { HELD_OUT_DIR, isHeldOutUkrainian } from '../labels.ts';
import { MAJOR_CATEGORIES } from '../report.ts';
import { asrLike } from './asr-like.ts';
import { leaveOneSourceOut } from './cross-validate.ts';
import { committedModelFigures, flagged, lexiconCategories, scored } from './evaluate-meaning.ts';
import { toExample } from './pipeline.ts';
import { reliability, scoreSegments } from './segment-scores.ts';
import { loadDevSegments } from './training-data.ts';

/**
 * Floors under the meaning classifier's figures, so they cannot slide unnoticed. The full grouped
 * evaluation takes minutes (`npm run eval:analysis`); here (i) the committed model is scored on the
 * held-out set, never trained on, against the lexicon alone, and (ii) leave-one-source-out runs
 * over the three development sources only, independent of the generated corpus.
 * Held-out: lexicon + classifier flags at MEANING_COUNTED_CONFIDENCE (0.9), measured 2026-12-07 on
 * the committed model (corpus + development labels, meaning-2): P 0.89 R 0.94 F1 0.91 (lexicon
 * alone P 0.90 R 0.90; the meaning-1 model on the same data P 0.87 R 0.94 F1 0.90). Retrained on
 * the round-4 corpus with adjudicated labels (164,210 segments): P 0.86 R 0.96 F1 0.91 — of its
 * three false alarms, two follow the settled label rules the held-out labels predate (a payment for
 * a dead soldier is now a death, K1; men watched so that they do not retreat is coercion, E1), so
 * the precision floor moved from 0.86 to 0.84 rather than the held-out labels being changed.
 * Retrained after the full adjudication and the clarifications C1–C12 (every corpus template read
 * under the rules): P 0.80 R 0.94 F1 0.86. Six of its seven classifier-only false alarms follow
 * the rules the held-out labels predate («Её убили, и всё. И ребёнка.» and «Мирных у дороги
 * расстреляли» are deaths, K1; «автомат в руках» twice and «патронов на один бой» name weapons, C3
 * and C4; «Кадыровцы сзади сидят, смотрят, чтобы не отходили» is coercion, E1); one is wrong («Они
 * идут уже, они уже заходят» as a refusal). The floors moved to P 0.78 and F1 0.84; the held-out
 * labels stay as they were written, before the model was seen.
 * Development leave-one-source-out (measured with meaning-1): lexicon + classifier F1 0.88, ECE 0.034.
 */
const MAJOR: readonly Category[] = MAJOR_CATEGORIES;

describe('the committed meaning model on the held-out set', () => {
  it('adds recall to the lexicon and keeps precision above its floor', () => {
    // The floors were measured on the Russian held-out set; the Ukrainian one is scored apart.
    const figures = committedModelFigures(loadDevSegments(HELD_OUT_DIR, (doc) => !isHeldOutUkrainian(doc)));
    const [alone, both] = [figures.lexicon.micro, figures.combined.micro];
    expect(both.recall).toBeGreaterThanOrEqual(alone.recall);
    expect(both.precision, JSON.stringify({ alone, both })).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.precision);
    expect(both.f1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.f1);
  });
});

const HELD_OUT_FLOORS = { precision: 0.78, f1: 0.84 };

describe('the committed meaning model on the held-out Ukrainian set', () => {
  it('adds recall to the lexicon and keeps F1 above its floor', () => {
    // Measured 2026-12-07 on the model trained on 40 sources, flags from 0.9: lexicon alone
    // P 0.86 R 0.46 F1 0.60, lexicon + classifier P 0.88 R 0.74 F1 0.80; on the model trained on 55
    // sources (four more Ukrainian ones): P 0.88 R 0.84 F1 0.86.
    const figures = committedModelFigures(loadDevSegments(HELD_OUT_DIR, isHeldOutUkrainian));
    const [alone, both] = [figures.lexicon.micro, figures.combined.micro];
    const measured = JSON.stringify({ alone, both });
    expect(both.recall, measured).toBeGreaterThanOrEqual(alone.recall + 0.3);
    expect(both.precision, measured).toBeGreaterThanOrEqual(0.85);
    expect(both.f1, measured).toBeGreaterThanOrEqual(0.83);
  });
});
const DEV_LOSO_FLOORS = { combinedF1: 0.85, maxEce: 0.06 };

describe('leave one development source out', () => {
  it('trains, calibrates and scores each left-out source above the floors', () => {
    const examples = loadDevSegments().map(toExample);
    const predictions = leaveOneSourceOut(examples, {
      train: { ...DEFAULT_TRAIN_OPTIONS, epochs: 3 },
    });
    expect(predictions).toHaveLength(examples.length);
    const classifier = scoreSegments(
      predictions.map((p) => scored(p.example.segment, flagged(p.probability))),
      MAJOR,
    ).micro;
    const combined = scoreSegments(
      predictions.map((p) =>
        scored(
          p.example.segment,
          new Set([...flagged(p.probability), ...lexiconCategories(p.example.segment.text)]),
        ),
      ),
      MAJOR,
    ).micro;
    const lexiconAlone = scoreSegments(
      predictions.map((p) => scored(p.example.segment, lexiconCategories(p.example.segment.text))),
      MAJOR,
    ).micro;
    const calibration = reliability(
      predictions.flatMap((p) =>
        MAJOR.filter((c) => p.probability[c] !== undefined && !p.example.excluded.has(c)).map((c) => ({
          probability: p.probability[c]!,
          positive: p.example.labels.has(c),
        })),
      ),
    );
    const measured = JSON.stringify({ classifier, combined, lexiconAlone, ece: calibration.ece });
    expect(combined.recall, measured).toBeGreaterThanOrEqual(lexiconAlone.recall);
    expect(combined.f1, measured).toBeGreaterThanOrEqual(DEV_LOSO_FLOORS.combinedF1);
    expect(calibration.ece, measured).toBeLessThanOrEqual(DEV_LOSO_FLOORS.maxEce);
  });
});

describe('evaluation helpers', () => {
  it('Platt scaling recovers the slope and offset of a known logistic', () => {
    const random = seededRandom(1);
    const scores: number[] = [];
    const positives: boolean[] = [];
    for (let i = 0; i < 5000; i++) {
      const x = (random() - 0.5) * 10;
      scores.push(x);
      positives.push(random() < 1 / (1 + Math.exp(-(2 * x - 1))));
    }
    const { a, b } = fitPlatt(scores, positives);
    expect(a).toBeCloseTo(2, 0);
    expect(b).toBeCloseTo(-1, 0);
  });

  it('recogniser-style text is lower case, unpunctuated, numbers in words, errors seeded per text', () => {
    const text = 'Ма, у нас 2 двухсотых, ЁЛКИ!';
    expect(asrLike(text)).toBe(asrLike(text));
    expect(asrLike(text)).toMatch(/^[а-я ]+$/);
    expect(asrLike('2')).toBe('два');
  });
});
