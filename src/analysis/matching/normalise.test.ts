import { describe, expect, it } from 'vitest';
import { normaliseWord, tokenise } from './normalise.ts';

describe('normaliseWord', () => {
  it('lower-cases, folds ё and drops stress marks', () => {
    expect(normaliseWord('Трёхсо\u0301тых')).toBe('трехсотых');
  });
});

describe('tokenise', () => {
  it('keeps exact offsets into the original text', () => {
    const text = 'Ну, «груз-200» и 5 200-х!';
    const tokens = tokenise(text);
    expect(tokens.map((t) => t.surface)).toEqual(['Ну', 'груз', '200', 'и', '5', '200-х']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });

  it('reads digits with ordinal endings and keeps letter hyphens apart', () => {
    const [code, flat, words] = [tokenise('200-е')[0], tokenise('78-м')[0], tokenise('шайтан-труба')];
    expect(code?.digits).toEqual({ value: 200, suffix: 'е' });
    expect(flat?.digits).toEqual({ value: 78, suffix: 'м' });
    expect(words.map((t) => t.norm)).toEqual(['шайтан', 'труба']);
  });

  it('keeps censored words whole but not footnote marks after a word', () => {
    expect(tokenise('всех е**шить на..й сп…дили').map((t) => [t.surface, t.censored])).toEqual([
      ['всех', false],
      ['е**шить', true],
      ['на..й', true],
      ['сп…дили', true],
    ]);
    expect(tokenise('на передке**, ну…').map((t) => t.surface)).toEqual(['на', 'передке', 'ну']);
  });

  it('handles empty and non-letter input', () => {
    expect(tokenise('')).toEqual([]);
    expect(tokenise(' ... !!! ')).toEqual([]);
  });
});
