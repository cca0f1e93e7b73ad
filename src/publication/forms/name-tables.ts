/**
 * What the name-declension library does not know: the pet forms a family or a unit calls a
 * person by, the Ukrainian form of a Russian first name, and the English spellings that no
 * romanisation system produces. Small tables of common first names; anything else a person
 * enters by hand as the identity's otherNames.
 */

// Full first name (nominative, lower case, ё as е) → diminutives and nicknames in common use.
export const DIMINUTIVES: Readonly<Record<string, readonly string[]>> = {
  александр: ['саша', 'саня', 'шура', 'шурик', 'санек', 'сашка', 'сашок', 'алекс'],
  алексей: ['леша', 'леха', 'алеша', 'лешка', 'алекс'],
  анатолий: ['толя', 'толик', 'толян'],
  андрей: ['андрюша', 'андрюха', 'андрейка'],
  антон: ['антоша', 'тоха', 'антоха'],
  артем: ['тема', 'темка', 'артемка'],
  борис: ['боря', 'борька'],
  вадим: ['вадик', 'дима'],
  валерий: ['валера', 'валерка'],
  василий: ['вася', 'васек', 'васька'],
  виктор: ['витя', 'витек', 'витька'],
  владимир: ['вова', 'володя', 'вован', 'вовчик', 'володька'],
  владислав: ['влад', 'владик', 'слава'],
  вячеслав: ['слава', 'славик'],
  геннадий: ['гена', 'генка'],
  григорий: ['гриша', 'гришка'],
  денис: ['дэн', 'дениска'],
  дмитрий: ['дима', 'димка', 'димочка', 'димон', 'митя'],
  евгений: ['женя', 'женек', 'жека'],
  иван: ['ваня', 'ванька', 'ванек', 'ванюша'],
  игорь: ['игорек', 'гоша'],
  илья: ['илюша', 'илюха'],
  кирилл: ['кирюша', 'киря'],
  константин: ['костя', 'костик'],
  максим: ['макс', 'максимка'],
  михаил: ['миша', 'мишка', 'мишаня'],
  никита: ['никитос', 'никитка'],
  николай: ['коля', 'колян', 'коленька', 'колька'],
  олег: ['олежка'],
  павел: ['паша', 'пашка'],
  петр: ['петя', 'петька'],
  роман: ['рома', 'ромка', 'ромочка'],
  сергей: ['сережа', 'серега', 'серый', 'сережка'],
  станислав: ['стас', 'слава'],
  юрий: ['юра', 'юрец', 'юрка'],
  ярослав: ['ярик', 'слава'],
  анна: ['аня', 'анька', 'анечка'],
  валентина: ['валя'],
  галина: ['галя'],
  екатерина: ['катя', 'катюша', 'катька'],
  елена: ['лена', 'ленка', 'леночка'],
  ирина: ['ира', 'ирка'],
  людмила: ['люда', 'мила'],
  мария: ['маша', 'машка', 'маруся'],
  наталья: ['наташа', 'наташка'],
  ольга: ['оля', 'олька'],
  светлана: ['света', 'светка'],
  татьяна: ['таня', 'танька'],
  юлия: ['юля', 'юлька'],
};

// Pet names that are everyday words too («слава богу», «тема», «света» of «свет», «гена» of
// «ген»): alone they would mark half of every call, so they count only beside the surname.
export const EVERYDAY_WORD_PET_NAMES: ReadonlySet<string> = new Set([
  'слава', 'тема', 'серый', 'мила', 'мишка', 'света', 'гена', 'катя', 'валя', 'лена', 'макс',
]); // prettier-ignore

// Russian first name → the Ukrainian form (Олександр, Дмитро), whose romanisation is the
// spelling Ukrainian passports and most English reporting now use (Oleksandr, Dmytro).
export const UKRAINIAN_FIRST_NAMES: Readonly<Record<string, string>> = {
  александр: 'олександр', алексей: 'олексій', андрей: 'андрій', анатолий: 'анатолій',
  василий: 'василь', виктор: 'віктор', владимир: 'володимир', григорий: 'григорій',
  дмитрий: 'дмитро', евгений: 'євген', иван: 'іван', игорь: 'ігор', илья: 'ілля',
  михаил: 'михайло', николай: 'микола', олег: 'олег', павел: 'павло', петр: 'петро',
  сергей: 'сергій', юрий: 'юрій', ярослав: 'ярослав', анна: 'ганна', екатерина: 'катерина',
  елена: 'олена', наталья: 'наталія', татьяна: 'тетяна', юлия: 'юлія',
}; // prettier-ignore

// Russian first name → English spellings no romanisation system yields.
export const ENGLISH_FIRST_NAMES: Readonly<Record<string, readonly string[]>> = {
  александр: ['alexander', 'alexandr', 'aleksander', 'alex'],
  алексей: ['alexei', 'alexey', 'aleksei', 'alexi'],
  дмитрий: ['dmitry', 'dmitri', 'dimitri', 'dimitry'],
  евгений: ['yevgeny', 'evgeny', 'eugene'],
  михаил: ['mikhail', 'michael'],
  николай: ['nikolai', 'nicholas'],
  павел: ['pavel', 'paul'],
  петр: ['pyotr', 'peter', 'petr'],
  юрий: ['yuri', 'yury', 'iurii'],
  мария: ['maria', 'mariya'],
  наталья: ['natalia', 'natalya'],
  юлия: ['yulia', 'julia'],
}; // prettier-ignore

/**
 * The full first names a name belongs to and all their pet names. The analysis often finds a
 * person by the pet name a relative used («Димочка»): protecting only that form would leave
 * «Дима», «Дмитрий» and the English "Dima" in an excerpt. A pet name shared by several full
 * names («Дима»: Дмитрий, Вадим; «Слава») brings all of them: withholding too much is safe.
 */
export function firstNameFamily(name: string): { fullNames: string[]; petNames: string[] } {
  const key = name.toLowerCase().replace(/ё/g, 'е');
  const own = DIMINUTIVES[key];
  if (own) return { fullNames: [key], petNames: [...own] };
  const fullNames = Object.keys(DIMINUTIVES).filter((full) => DIMINUTIVES[full]!.includes(key));
  return { fullNames, petNames: [...new Set(fullNames.flatMap((full) => DIMINUTIVES[full]!))] };
}
