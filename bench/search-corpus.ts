import { sql, type RawBuilder } from 'kysely';

// The synthetic corpus of `npm run bench:search`: phrase pairs of intercepted-call Russian and
// their English, drawn with a Zipf-like skew so that some words are everywhere (да, там,
// позиция) and others rare, with the code numbers 200/300/500 and a few names. A pool of
// sentences is built from the pairs inside PostgreSQL; segments then pick pool sentences by hash,
// so millions of rows are written by a handful of INSERT … SELECT statements, not row by row.

/** [Russian, English], most frequent first. */
export const PHRASE_PAIRS: readonly (readonly [string, string])[] = [
  ['да', 'yes'],
  ['ну', 'well'],
  ['короче', 'in short'],
  ['там', 'there'],
  ['слышишь', 'do you hear'],
  ['нормально всё', 'everything is fine'],
  ['мам', 'mom'],
  ['понял', 'got it'],
  ['позиция', 'position'],
  ['нас', 'us'],
  ['сегодня', 'today'],
  ['вчера', 'yesterday'],
  ['ребята', 'the guys'],
  ['стреляют', 'they are shooting'],
  ['командир сказал', 'the commander said'],
  ['на позиции', 'at the position'],
  ['не знаю', "I don't know"],
  ['связь плохая', 'the connection is bad'],
  ['приехали', 'arrived'],
  ['двухсотых', 'killed'],
  ['трехсотых', 'wounded'],
  ['двое', 'two'],
  ['трое', 'three'],
  ['пятеро', 'five'],
  ['200', '200'],
  ['300', '300'],
  ['500', '500'],
  ['груз 200', 'cargo 200'],
  ['арта работает', 'the artillery is working'],
  ['миномёт', 'mortar'],
  ['окопы', 'trenches'],
  ['блиндаж', 'dugout'],
  ['еды нет', 'there is no food'],
  ['воды нет', 'there is no water'],
  ['деньги пришли', 'the money came'],
  ['зарплату не платят', "they don't pay the salary"],
  ['отказники', 'refuseniks'],
  ['пятисотые', 'the 500s'],
  ['не пойдём', "we won't go"],
  ['штурм', 'assault'],
  ['ротация', 'rotation'],
  ['домой хочу', 'I want to go home'],
  ['береги себя', 'take care of yourself'],
  ['скажи отцу', 'tell father'],
  ['в госпитале', 'in the hospital'],
  ['ранило', 'got wounded'],
  ['убило', 'got killed'],
  ['танк', 'tank'],
  ['дрон', 'drone'],
  ['птичка летает', 'the bird is flying'],
  ['хохлы', 'khokhols'],
  ['укропы', 'ukrops'],
  ['мобилизованные', 'the mobilised'],
  ['контрактники', 'the contract soldiers'],
  ['зеки', 'the convicts'],
  ['вагнер', 'Wagner'],
  ['Бахмут', 'Bakhmut'],
  ['Херсон', 'Kherson'],
  ['Донецк', 'Donetsk'],
  ['Путин', 'Putin'],
  ['Шойгу', 'Shoigu'],
  ['Пригожин', 'Prigozhin'],
  ['мародёрка', 'looting'],
  ['забрали телефоны', 'they took the phones'],
  ['расстреляли', 'they shot'],
  ['пленные', 'prisoners'],
  ['сдались', 'surrendered'],
  ['самострел', 'self-inflicted wound'],
  ['в/ч 12345', 'military unit 12345'],
  // Numbers and a place as a recogniser writes them, for the normalisation's before and after.
  ['грузом двести', 'as cargo 200'],
  ['триста', 'three hundred'],
  ['под Харьковом', 'near Kharkiv'],
];

/** Words that must be rare (about one sentence in RARE_EVERY gets one). */
export const RARE_PAIRS: readonly (readonly [string, string])[] = [
  ['Прилуки', 'Priluki'],
  ['Волноваха', 'Volnovakha'],
];

/** VALUES list of (i, ru, en) for the phrase pairs, 1-based i in frequency order. */
export function phraseValues(): RawBuilder<unknown> {
  return sql.join(
    PHRASE_PAIRS.map(([ru, en], index) => sql`(${sql.lit(index + 1)}, ${sql.lit(ru)}, ${sql.lit(en)})`),
  );
}

export function rareValues(): RawBuilder<unknown> {
  return sql.join(
    RARE_PAIRS.map(([ru, en], index) => sql`(${sql.lit(index)}, ${sql.lit(ru)}, ${sql.lit(en)})`),
  );
}
