import { describe, expect, it } from 'vitest';
import { estimateTranslationQuality, inventedNumbers, missingNames } from './translation-quality.ts';

describe('estimateTranslationQuality', () => {
  it('passes a faithful translation of recogniser output', () => {
    const q = estimateTranslationQuality(
      'какой план маму нас два двухсотых и три трехсотых лех из нашего взвода больше нет',
      'What plan, Mum. We have two killed and three wounded. Lyokha from our platoon is gone.',
    );
    expect(q).toEqual({ doubtful: false, issues: [] });
  });

  it('marks empty English for Russian speech, and Cyrillic passed through as English', () => {
    expect(estimateTranslationQuality('мы под харьковом', '  ').issues).toEqual(['empty']);
    expect(estimateTranslationQuality('мы под харьковом стоим', 'мы под харьковом стоим').issues).toContain(
      'not-english',
    );
  });

  it('marks a translation far longer than its Russian, and one that loops', () => {
    expect(
      estimateTranslationQuality(
        'да нет конечно',
        'Of course not, and then we went home to see the others again.',
      ).issues,
    ).toContain('length');
    expect(
      estimateTranslationQuality('могу ты как говорила', 'The guys you you you you a shop').issues,
    ).toContain('repetition');
  });

  it('marks numbers the Russian does not say, however the recogniser glued them', () => {
    expect(inventedNumbers('у нас теперь пятисотых больше', 'there are four killed for three days')).toEqual([
      4, 3,
    ]);
    expect(inventedNumbers('я тебетретий день звоню', 'calling you for three days')).toEqual([]);
    expect(
      inventedNumbers('номер восемь девять один шесть пять пять нольтри один', 'number 8 916 550 31'),
    ).toEqual([]);
    expect(inventedNumbers('его грузом двести отправят', 'as cargo 200')).toEqual([]);
  });

  it('marks people and places the Russian names and the English leaves out', () => {
    expect(missingNames('игорь привет можешь говорить', 'Marina, hi, you are me?')).toEqual(['Игорь']);
    expect(missingNames('мы под харьковом стоим', "We're outside Kharkiv.")).toEqual([]);
    expect(missingNames('слышу макс', 'I can hear you, Max.')).toEqual([]);
  });
});
