import { extractEntities } from './entities/extract-entities.ts';
import { CLASSIFIER_VERSION, classifyMeaning } from './classifier/classify-meaning.ts';
import { bundledLexicon, type Lexicon } from './lexicon/lexicon-data.ts';
import { languageEvidence, verdictFrom, type LanguageEvidence } from './matching/language.ts';
import { compileLexicon, matchText, type CompiledLexicon } from './matching/match-text.ts';
import { russianMorphology, ukrainianMorphology } from './matching/morphology.ts';
import { tokenise, type Token } from './matching/normalise.ts';
import { scoreCall } from './triage.ts';
import type { CallAnalysis, LanguageVerdict, SegmentInput, TermMatch, TextAnalysis } from './types.ts';

/**
 * The analyser: lexicon matches, language verdict and entities per text, and per call the
 * category counts, casualty counts and triage score. Pure and synchronous, so the `analyse`
 * stage, the CLI and the evaluation all run exactly the same code.
 */

/** Bump when matching or scoring rules change, so stored runs say which rules produced them. */
export const ANALYSER_VERSION = 'earshot-analyser-6';

interface Analyser {
  lexicon: Lexicon;
  russian: CompiledLexicon;
  ukrainian: CompiledLexicon;
}

let compiled: Analyser | undefined;

function analyser(): Analyser {
  if (!compiled) {
    const lexicon = bundledLexicon();
    compiled = {
      lexicon,
      russian: compileLexicon(lexicon, russianMorphology),
      ukrainian: compileLexicon(lexicon, ukrainianMorphology),
    };
  }
  return compiled;
}

export interface AnalyseOptions {
  /** false: lexicon, entities and language only (the benchmark's baseline); default true. */
  meaning?: boolean;
}

export function analyseText(text: string, options: AnalyseOptions = {}): TextAnalysis {
  const tokens = tokenise(text);
  const evidence = languageEvidence(tokens);
  const language = verdictFrom(evidence, tokens.length);
  return {
    language,
    matches: matchLexicons(text, tokens, language, evidence),
    entities: extractEntities(text),
    meaning: options.meaning === false ? [] : classifyMeaning(text, language.code, tokens),
  };
}

/**
 * Russian text gets the Russian lexicon. Ukrainian and mixed text get both: Ukrainian speakers
 * use Russian slang and surzhyk mixes the two within a sentence. So does a short Cyrillic text
 * with no word that tells the languages apart («брат зник безвисти»), since it may be either.
 * Where two matches overlap the longer wins, then the one in the segment's main language.
 */
function matchLexicons(
  text: string,
  tokens: readonly Token[],
  language: LanguageVerdict,
  evidence: LanguageEvidence,
): TermMatch[] {
  const { russian, ukrainian } = analyser();
  const fromRussian = matchText(text, tokens, russian);
  const undecided = evidence.cyrillic > 0 && evidence.russian === 0 && evidence.ukrainian === 0;
  if (language.code !== 'uk' && language.code !== 'mixed' && !undecided) return fromRussian;
  const fromUkrainian = matchText(text, tokens, ukrainian);
  const preferred = language.code === 'uk' ? fromUkrainian : fromRussian;
  const candidates = [...fromRussian, ...fromUkrainian].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || Number(preferred.includes(b)) - Number(preferred.includes(a)),
  );
  const kept: TermMatch[] = [];
  for (const match of candidates) {
    if (!kept.some((k) => k.start < match.end && match.start < k.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function analyseCall(segments: readonly SegmentInput[], options: AnalyseOptions = {}): CallAnalysis {
  const analysed = segments.map((s) => ({ key: s.key, ...analyseText(s.text, options) }));
  const { counts, casualties, triage } = scoreCall(analysed);
  return {
    segments: analysed,
    counts,
    casualties,
    triage,
    lexiconVersion: analyser().lexicon.version,
    analyserVersion: ANALYSER_VERSION,
    classifierVersion: options.meaning === false ? 'none' : CLASSIFIER_VERSION,
  };
}
