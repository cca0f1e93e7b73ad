import { extractEntities } from './entities/extract-entities.ts';
import { CLASSIFIER_VERSION, classifyMeaning } from './classifier/classify-meaning.ts';
import { bundledLexicon } from './lexicon/lexicon-data.ts';
import { detectLanguage } from './matching/language.ts';
import { compileLexicon, matchText, type CompiledLexicon } from './matching/match-text.ts';
import { tokenise } from './matching/normalise.ts';
import { scoreCall } from './triage.ts';
import type { CallAnalysis, SegmentInput, TextAnalysis } from './types.ts';

/**
 * The analyser: lexicon matches, language verdict and entities per text, and per call the
 * category counts, casualty counts and triage score. Pure and synchronous, so the `analyse`
 * stage, the CLI and the evaluation all run exactly the same code.
 */

/** Bump when matching or scoring rules change, so stored runs say which rules produced them. */
export const ANALYSER_VERSION = 'earshot-analyser-3';

let compiled: CompiledLexicon | undefined;

function analyser(): CompiledLexicon {
  return (compiled ??= compileLexicon(bundledLexicon()));
}

export interface AnalyseOptions {
  /** false: lexicon, entities and language only (the benchmark's baseline); default true. */
  meaning?: boolean;
}

export function analyseText(text: string, options: AnalyseOptions = {}): TextAnalysis {
  const tokens = tokenise(text);
  const language = detectLanguage(tokens);
  return {
    language,
    matches: matchText(text, tokens, analyser()),
    entities: extractEntities(text),
    meaning: options.meaning === false ? [] : classifyMeaning(text, language.code),
  };
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
