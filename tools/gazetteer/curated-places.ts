import type { Place } from '../../src/analysis/entities/types.ts';

/**
 * Places the GeoNames cities-500 extract lacks but that war-time calls name all the time: small
 * front-line villages (below 500 inhabitants, or missing from the extract), a facility, oblasts and
 * regions, countries. Coordinates of the curated villages are approximate (town centre within a few
 * kilometres, from public maps) and their ids are 'curated:<slug>', not GeoNames ids: verify them
 * against the full GeoNames UA dump before relying on them for a map at street level.
 */
export interface CuratedPlace extends Place {
  /** Extra lower-case lookup forms (another spelling, an old name). */
  forms?: string[];
  /** Region-style matching: «харьковской области» via the adjective stem, «харьковщина». */
  adjectiveStem?: string;
  regionNounStems?: string[];
  /** Take the coordinates of this GeoNames place (a region's capital) when building. */
  coordinatesOf?: string;
}

type V = [slug: string, en: string, ru: string, uk: string, admin1: string, lat: number, lon: number];

const FRONT_LINE_VILLAGES: V[] = [
  ['vuhledar', 'Vuhledar', 'Угледар', 'Вугледар', 'Donetsk', 47.78, 37.25],
  ['robotyne', 'Robotyne', 'Работино', 'Роботине', 'Zaporizhzhia', 47.44, 35.84],
  ['krynky', 'Krynky', 'Крынки', 'Кринки', 'Kherson', 46.73, 33.09],
  ['klishchiivka', 'Klishchiivka', 'Клещеевка', 'Кліщіївка', 'Donetsk', 48.53, 37.97],
  ['staromaiorske', 'Staromaiorske', 'Старомайорское', 'Старомайорське', 'Donetsk', 47.74, 36.77],
  ['urozhaine', 'Urozhaine', 'Урожайное', 'Урожайне', 'Donetsk', 47.73, 36.8],
  ['opytne', 'Opytne', 'Опытное', 'Опитне', 'Donetsk', 48.13, 37.72],
  ['novomykhailivka', 'Novomykhailivka', 'Новомихайловка', 'Новомихайлівка', 'Donetsk', 47.84, 37.48],
  ['ocheretyne', 'Ocheretyne', 'Очеретино', 'Очеретине', 'Donetsk', 48.25, 37.62],
  ['niu-york', 'Niu-York', 'Нью-Йорк', 'Нью-Йорк', 'Donetsk', 48.33, 37.85],
  ['synkivka', 'Synkivka', 'Синьковка', 'Синьківка', 'Kharkiv', 49.79, 37.64],
  ['ivanivske', 'Ivanivske', 'Ивановское', 'Іванівське', 'Donetsk', 48.56, 37.93],
  ['pisky-donetsk', 'Pisky', 'Пески', 'Піски', 'Donetsk', 48.09, 37.66],
  ['zaitseve', 'Zaitseve', 'Зайцево', 'Зайцеве', 'Donetsk', 48.4, 38.03],
  ['avdiivka-coke-plant', 'Avdiivka Coke Plant', 'Авдеевский коксохим', 'Авдіївський коксохім', 'Donetsk', 48.15, 37.72],
  ['azovstal', 'Azovstal', 'Азовсталь', 'Азовсталь', 'Donetsk', 47.1, 37.6],
  ['tonenke', 'Tonenke', 'Тоненькое', 'Тоненьке', 'Donetsk', 48.16, 37.6],
  ['verbove', 'Verbove', 'Вербовое', 'Вербове', 'Zaporizhzhia', 47.47, 35.9],
]; // prettier-ignore

const village = ([slug, en, ru, uk, admin1, lat, lon]: V): CuratedPlace => ({
  id: `curated:${slug}`, nameEn: en, nameRu: ru, nameUk: uk, country: 'UA', admin1, lat, lon,
}); // prettier-ignore

type R = [
  iso: string,
  en: string,
  ru: string,
  uk: string,
  adjective: string,
  nouns: string[],
  capital: string,
];

// Oblasts (ISO 3166-2 ids) take their capital's coordinates; the adjective stem matches
// «в донецкой области», the noun stems «на донетчине». «ДНР»/«ЛНР» (the occupation authorities'
// names) are read as the oblast they claim, so calls about them land on the map.
const REGIONS: R[] = [
  ['UA-14', 'Donetsk Oblast', 'Донецкая область', 'Донецька область', 'донецк', ['донетчин', 'донеччин', 'днр'], 'Donetsk/UA'],
  ['UA-09', 'Luhansk Oblast', 'Луганская область', 'Луганська область', 'луганск', ['луганщин', 'лнр'], 'Luhansk/UA'],
  ['UA-63', 'Kharkiv Oblast', 'Харьковская область', 'Харківська область', 'харьковск', ['харьковщин', 'харківщин'], 'Kharkiv/UA'],
  ['UA-23', 'Zaporizhzhia Oblast', 'Запорожская область', 'Запорізька область', 'запорожск', ['запорожщин'], 'Zaporizhzhya/UA'],
  ['UA-65', 'Kherson Oblast', 'Херсонская область', 'Херсонська область', 'херсонск', ['херсонщин'], 'Kherson/UA'],
  ['UA-48', 'Mykolaiv Oblast', 'Николаевская область', 'Миколаївська область', 'николаевск', ['николаевщин', 'миколаївщин'], 'Mykolayiv/UA'],
  ['UA-12', 'Dnipropetrovsk Oblast', 'Днепропетровская область', 'Дніпропетровська область', 'днепропетровск', ['днепропетровщин', 'дніпропетровщин'], 'Dnipro/UA'],
  ['UA-59', 'Sumy Oblast', 'Сумская область', 'Сумська область', 'сумск', ['сумщин'], 'Sumy/UA'],
  ['UA-74', 'Chernihiv Oblast', 'Черниговская область', 'Чернігівська область', 'черниговск', ['черниговщин', 'чернігівщин'], 'Chernihiv/UA'],
  ['UA-32', 'Kyiv Oblast', 'Киевская область', 'Київська область', 'киевск', ['киевщин', 'київщин'], 'Kyiv/UA'],
  ['UA-51', 'Odesa Oblast', 'Одесская область', 'Одеська область', 'одесск', ['одесчин', 'одещин'], 'Odesa/UA'],
  ['UA-43', 'Crimea', 'Крым', 'Крим', '', ['крым', 'крим'], 'Simferopol/UA'],
  ['RU-BEL', 'Belgorod Oblast', 'Белгородская область', 'Бєлгородська область', 'белгородск', ['белгородчин', 'бєлгородщин'], 'Belgorod/RU'],
  ['RU-KRS', 'Kursk Oblast', 'Курская область', 'Курська область', 'курск', ['курщин'], 'Kursk/RU'],
  ['RU-BRY', 'Bryansk Oblast', 'Брянская область', 'Брянська область', 'брянск', ['брянщин'], 'Bryansk/RU'],
  ['RU-ROS', 'Rostov Oblast', 'Ростовская область', 'Ростовська область', 'ростовск', ['ростовщин'], 'Rostov-na-Donu/RU'],
  ['RU-VOR', 'Voronezh Oblast', 'Воронежская область', 'Воронезька область', 'воронежск', ['воронежчин'], 'Voronezh/RU'],
]; // prettier-ignore

const region = ([iso, en, ru, uk, adjective, nouns, capital]: R): CuratedPlace => ({
  id: `iso:${iso}`,
  nameEn: en,
  nameRu: ru,
  nameUk: uk,
  country: iso.slice(0, 2),
  lat: 0,
  lon: 0,
  ...(adjective ? { adjectiveStem: adjective } : {}),
  regionNounStems: nouns,
  coordinatesOf: capital,
});

export const CURATED_PLACES: CuratedPlace[] = [
  ...FRONT_LINE_VILLAGES.map(village),
  ...REGIONS.map(region),
  { id: 'curated:donbas', nameEn: 'Donbas', nameRu: 'Донбасс', nameUk: 'Донбас', country: 'UA', lat: 48.3, lon: 38.3, forms: ['донбас'] },
  { id: '690791', nameEn: 'Ukraine', nameRu: 'Украина', nameUk: 'Україна', country: 'UA', lat: 49, lon: 32 },
  { id: '2017370', nameEn: 'Russia', nameRu: 'Россия', nameUk: 'Росія', country: 'RU', lat: 55.75, lon: 37.62, forms: ['рф'] },
  { id: '630336', nameEn: 'Belarus', nameRu: 'Беларусь', nameUk: 'Білорусь', country: 'BY', lat: 53.9, lon: 27.57, forms: ['белоруссия'] },
]; // prettier-ignore
