import type { Entity } from './types.ts';
import type { NumberGroup } from './spoken-numbers.ts';
import type { Token } from './tokens.ts';

/**
 * Military units: a unit number after «в/ч» («вч», «в ч», «войсковая часть», «воинская часть»,
 * «полевая почта» is left out on purpose: it is an address, not a unit), and numbered formations
 * («237-й полк», «76-я гвардейская десантно-штурмовая дивизия», «двести тридцать седьмой полк»).
 * A bare ordinal without a formation noun («я в 78-м живу») is never a unit.
 */

interface Formation {
  lemma: string;
  suffix: '-й' | '-я';
}

// Formation nouns by stem; the ending may be any case form («полка», «дивизии», «бригадой»).
const FORMATIONS: ReadonlyArray<readonly [RegExp, Formation]> = [
  [/^полк(?:|а|у|ом|е|и|ов|ами|ах)$/, { lemma: 'полк', suffix: '-й' }],
  [/^дивизи(?:я|и|ю|ей|ям|ях)$/, { lemma: 'дивизия', suffix: '-я' }],
  [/^бригад(?:а|ы|е|у|ой|ам|ах)$/, { lemma: 'бригада', suffix: '-я' }],
  [/^арми(?:я|и|ю|ей)$/, { lemma: 'армия', suffix: '-я' }],
  [/^корпус(?:|а|у|ом|е)$/, { lemma: 'корпус', suffix: '-й' }],
  [/^батальон(?:|а|у|ом|е)$/, { lemma: 'батальон', suffix: '-й' }],
  [/^отряд(?:|а|у|ом|е)$/, { lemma: 'отряд', suffix: '-й' }],
  [/^флот(?:|а|у|ом|е)$/, { lemma: 'флот', suffix: '-й' }],
  // Staff abbreviations: «76 дшд», «155 обрмп», «237 дшп», «4 омсбр», «3 омбр».
  [/^(?:дшд|вдд|мсд|тд)$/, { lemma: 'дивизия', suffix: '-я' }],
  [/^(?:дшп|пдп|мсп|зрп)$/, { lemma: 'полк', suffix: '-й' }],
  [/^(?:обр|омбр|омсбр|обрмп|одшбр|оабр|обрспн|омпбр|ошбр|мсбр|тбр)$/, { lemma: 'бригада', suffix: '-я' }],
];
// Small formations are only worth naming when the number is large enough to identify them:
// «второй батальон» is a part of some regiment, «1-й батальон 237-го полка» names nothing alone.
const MIN_NUMBER: Record<string, number> = { батальон: 10, отряд: 10 };

// Words allowed between the number and the formation noun.
const QUALIFIER =
  /^(?:гв|гвардейск|отдельн|мотострелков|танков|артиллерийск|десантно|парашютно|штурмов|морск|общевойсков|механизированн|горн|стрелков|ракетн|зенитн|разведывательн|инженерн|специальн|мотопехотн|территориальн|добровольческ|пехотн|воздушно|авиационн|бригадн)/;
const UNIT_PREFIX_SINGLE = new Set(['в/ч', 'вч']);
const PART_NOUN = /^част(?:ь|и|ью)$/;
const PART_ADJECTIVE = /^(?:войсков|воинск)(?:ая|ой|ую|ою)$/;

function formationAt(token: Token | undefined): Formation | undefined {
  if (!token) return undefined;
  for (const [pattern, formation] of FORMATIONS) if (pattern.test(token.norm)) return formation;
  return undefined;
}

/** Number of tokens forming a «в/ч» cue that ends at `index`, or 0. */
function unitPrefixLength(tokens: readonly Token[], index: number): number {
  const token = tokens[index];
  if (!token) return 0;
  const norm = token.norm.replace(/\.$/, '');
  if (norm === 'в/ч' || norm === 'вч') return 1;
  // Spoken «вэ че», written «в. ч.»
  if (/^(?:ч|че|чэ)$/.test(norm) && /^(?:в|вэ)$/.test(tokens[index - 1]?.norm ?? '')) return 2;
  if (/^(?:части|часть)$/.test(norm) && tokens[index - 1]?.norm === 'номер') return 2;
  if (PART_NOUN.test(norm) && PART_ADJECTIVE.test(tokens[index - 1]?.norm ?? '')) return 2;
  if ((norm === 'номер' || norm === '№') && index > 0) {
    const inner = unitPrefixLength(tokens, index - 1);
    return inner ? inner + 1 : 0;
  }
  return UNIT_PREFIX_SINGLE.has(norm) ? 1 : 0;
}

function militaryPartNumbers(
  text: string,
  tokens: readonly Token[],
  groups: readonly NumberGroup[],
): Entity[] {
  const entities: Entity[] = [];
  for (let g = 0; g < groups.length; g++) {
    const first = groups[g]!;
    const prefixLength = unitPrefixLength(tokens, first.firstToken - 1);
    if (!prefixLength || first.ordinal) continue;
    let digits = '';
    let last = g;
    // Spoken unit numbers come in pieces: «двадцать два сто семьдесят девять» = 22179.
    for (let k = g; k < groups.length && digits.length < 5; k++) {
      const group = groups[k]!;
      if (k > g && group.firstToken !== groups[k - 1]!.lastToken + 1) break;
      if (group.ordinal) break;
      digits += group.digits;
      last = k;
    }
    if (digits.length < 4 || digits.length > 6) continue;
    const startToken = tokens[first.firstToken - prefixLength]!;
    const endToken = tokens[groups[last]!.lastToken]!;
    entities.push({
      kind: 'unit',
      start: startToken.start,
      end: endToken.end,
      surface: text.slice(startToken.start, endToken.end),
      value: `в/ч ${digits}`,
      confidence: 0.95,
      rule: first.written ? 'unit:military-part' : 'unit:military-part-spoken',
    });
    g = last;
  }
  return entities;
}

function numberedFormations(
  text: string,
  tokens: readonly Token[],
  groups: readonly NumberGroup[],
): Entity[] {
  const entities: Entity[] = [];
  for (const group of groups) {
    // Ordinals only, or a bare written number directly before the noun («237 полк»).
    let nounIndex = group.lastToken + 1;
    while (nounIndex - group.lastToken <= 3 && QUALIFIER.test(tokens[nounIndex]?.norm ?? '')) nounIndex++;
    const formation = formationAt(tokens[nounIndex]);
    if (!formation) continue;
    if (!group.ordinal && !(group.written && nounIndex === group.lastToken + 1)) continue;
    if (group.value < (MIN_NUMBER[formation.lemma] ?? 1) || group.value > 2000) continue;
    const start = tokens[group.firstToken]!.start;
    const end = tokens[nounIndex]!.end;
    entities.push({
      kind: 'unit',
      start,
      end,
      surface: text.slice(start, end),
      value: `${group.value}${formation.suffix} ${formation.lemma}`,
      confidence: group.ordinal ? 0.9 : 0.75,
      rule: group.written ? 'unit:numbered-formation' : 'unit:numbered-formation-spoken',
    });
  }
  return entities;
}

export function extractUnits(
  text: string,
  tokens: readonly Token[],
  groups: readonly NumberGroup[],
): Entity[] {
  return [...militaryPartNumbers(text, tokens, groups), ...numberedFormations(text, tokens, groups)];
}
