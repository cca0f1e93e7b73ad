import { describe, expect, it } from 'vitest';
import { toRecognitionResult } from './recogniser.ts';
import { wordsFromTokens } from './word-timing.ts';

describe('word timestamps from CTC tokens', () => {
  it('groups character tokens at space tokens; a word ends where the next token fires', () => {
    const raw = {
      text: 'да нет',
      tokens: ['д', 'а', ' ', 'н', 'е', 'т'],
      timestamps: [0.2, 0.28, 0.4, 0.6, 0.64, 0.72],
      ys_log_probs: [],
    };
    const result = toRecognitionResult(raw, 1.5);
    expect(result.text).toBe('да нет');
    expect(result.confidence).toBeNull();
    expect(result.words).toEqual([
      { w: 'да', start: 0.2, end: 0.4, conf: null },
      { w: 'нет', start: 0.6, end: 0.76, conf: null },
    ]);
  });

  it('understands sentencepiece word starts and takes word confidence from the weakest token', () => {
    const words = wordsFromTokens(
      [
        { token: '▁при', start: 0, prob: 0.9 },
        { token: 'вет', start: 0.2, prob: 0.5 },
        { token: '▁мам', start: 0.5, prob: 0.99 },
      ],
      { stepSeconds: 0.04, audioEnd: 0.52 },
    );
    expect(words).toEqual([
      { w: 'привет', start: 0, end: 0.5, conf: 0.5 },
      { w: 'мам', start: 0.5, end: 0.52, conf: 0.99 },
    ]);
  });

  it('computes segment confidence from log-probabilities when the engine gives them', () => {
    const result = toRecognitionResult(
      { text: 'а', tokens: ['а'], timestamps: [0], ys_log_probs: [Math.log(0.8)] },
      1,
    );
    expect(result.confidence).toBeCloseTo(0.8, 3);
    expect(result.words[0]?.conf).toBeCloseTo(0.8, 3);
  });
});
