import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainingDataHash } from '../../../eval/analysis/meaning/training-data.ts';
import { analyseCall, analyseText } from '../analyse-text.ts';
import { CATEGORIES, type MeaningFlag } from '../types.ts';
import { CLASSIFIER_VERSION, classifyMeaning } from './classify-meaning.ts';
import { MODEL_PATH, parseModel, serialiseModel, type MeaningModel } from './model-file.ts';

function expectWellFormed(text: string, flags: MeaningFlag[]): void {
  for (const flag of flags) {
    expect(CATEGORIES).toContain(flag.category);
    expect(flag.source).toBe('classifier');
    expect(flag.confidence).toBeGreaterThanOrEqual(0.5);
    expect(flag.confidence).toBeLessThanOrEqual(1);
    for (const phrase of flag.phrases) {
      expect(text.slice(phrase.start, phrase.end)).toBe(phrase.surface);
      expect(phrase.weight).toBeGreaterThan(0);
    }
  }
}

describe('the committed meaning model', () => {
  it('was trained on the committed corpus and development labels (retrain: npm run train:analysis)', () => {
    const model = parseModel(readFileSync(MODEL_PATH, 'utf8'), MODEL_PATH);
    expect(model.corpusHash).toBe(trainingDataHash());
  });

  it('is named by its bytes and reported with every call analysis', () => {
    expect(CLASSIFIER_VERSION).toMatch(/^meaning-2\+[0-9a-f]{12}$/);
    expect(analyseCall([{ key: 'a', text: 'у нас двое двухсотых' }]).classifierVersion).toBe(
      CLASSIFIER_VERSION,
    );
  });

  it('flags what the development labels teach, with the phrase that weighed most', () => {
    const text = 'у нас вчера двое двухсотых';
    const flags = classifyMeaning(text, 'ru');
    expectWellFormed(text, flags);
    const killed = flags.find((f) => f.category === 'casualties_killed');
    expect(killed?.phrases[0]?.surface).toBe('двухсотых');
    expect(analyseText(text).meaning).toEqual(flags);
  });
});

describe('bad input gives a result, never a crash', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['only spaces', '   \n\t '],
    ['10k characters', 'нас опять отправили на штурм без еды и воды '.repeat(250).slice(0, 10_000)],
    ['mixed scripts', 'мы в Bakhmut, там 200-е, 我们 شكرا ще тримаємось'],
    ['Latin transliteration', 'u nas dvoe dvukhsotykh, rebyata khotyat domoi'],
    ['all numbers', '200 300 500 1 2 3 4 5 6 7 8 9 0 42'],
    ['emoji', '💀💀 200 🙏🏻 🇷🇺 ну всё 😭'],
    ['control characters', 'нас\u0000 бро\u0007сили\u001b[31m \u200b\ufeffдвухсотые\r\n'],
    ['lone surrogates', 'a\ud800b\udc00 мясо'],
  ];
  it.each(cases)('%s', (_name, text) => {
    for (const language of ['ru', 'uk', 'mixed', 'unknown'] as const) {
      const flags = classifyMeaning(text, language);
      expect(Array.isArray(flags)).toBe(true);
      expectWellFormed(text, flags);
    }
    expectWellFormed(text, analyseText(text).meaning);
  });

  it('nothing to classify in an empty text', () => {
    expect(classifyMeaning('', 'ru')).toEqual([]);
  });
});

describe('the model file', () => {
  it('keeps every weight within half a quantisation step and drops only pruned ones', () => {
    const model: MeaningModel = {
      format: 'earshot-meaning-1',
      hashBits: 18,
      corpusHash: 'a'.repeat(64),
      trainedOn: { x: 3 },
      reportThreshold: 0.5,
      categories: [
        {
          category: 'desertion',
          bias: -1.5,
          platt: { a: 1.2, b: -0.3 },
          indices: Int32Array.from([3, 200, 70_000, 262_143]),
          weights: Float32Array.from([0.8, -0.001, -1.27, 0.05]),
        },
      ],
    };
    const back = parseModel(serialiseModel(model, 0.002), 'test');
    const c = back.categories[0]!;
    expect(Array.from(c.indices)).toEqual([3, 70_000, 262_143]);
    const step = 1.27 / 127;
    [0.8, -1.27, 0.05].forEach((w, i) =>
      expect(Math.abs(c.weights[i]! - w)).toBeLessThanOrEqual(step / 2 + 1e-9),
    );
    expect([c.bias, c.platt]).toEqual([-1.5, { a: 1.2, b: -0.3 }]);
  });

  it('names the problem when the file is not a model', () => {
    expect(() => parseModel('{"format":"other"}', 'x.json')).toThrow(/x\.json is not a meaning model/);
  });
});
