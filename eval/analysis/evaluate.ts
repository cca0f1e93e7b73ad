import { analyseCall } from '../../src/analysis/analyse-text.ts';
import {
  CATEGORIES,
  COUNTED_CONFIDENCE,
  type CallAnalysis,
  type SegmentInput,
} from '../../src/analysis/types.ts';
import { isHeldOutUkrainian, isPersonsOnly, type LabelledDocument } from './labels.ts';
import {
  f1Of,
  ratio,
  scoreItems,
  valueMatches,
  type GoldItem,
  type PredictedItem,
  type ScoredItems,
} from './score.ts';

/** A prediction counts only at or above this confidence (the analyser's own counting threshold). */
export const CONFIDENCE_THRESHOLD = COUNTED_CONFIDENCE;

export const ENTITY_KINDS = ['person', 'place', 'unit', 'phone', 'call_sign'] as const;
const CASUALTY_FIELDS = ['killed', 'wounded', 'missing'] as const;

export interface ValueCheck {
  kind: 'place' | 'phone';
  /** Matched entities whose value equals the gold value. */
  correct: number;
  matched: number;
  /** F1 when a match also needs the right value. */
  strictF1: number;
  wrong: Array<{ docId: string; surface: string; gold: string; predicted: string | undefined }>;
}

export interface CasualtyCheck {
  docId: string;
  field: (typeof CASUALTY_FIELDS)[number];
  gold: number | null;
  predicted: number | null;
}

export interface CasualtyScore {
  /** Fields (documents × killed/wounded/missing) compared. */
  fields: number;
  correct: number;
  /** Fields where the call states a count. */
  stated: number;
  statedCorrect: number;
  /** Counts reported where the call states none. */
  invented: number;
  wrong: CasualtyCheck[];
}

export interface SubsetScore {
  name: string;
  documents: number;
  segments: number;
  categories: ScoredItems;
  entities: ScoredItems;
}

export interface Evaluation {
  threshold: number;
  lexiconVersion: string;
  analyserVersion: string;
  categories: ScoredItems;
  entities: ScoredItems;
  values: ValueCheck[];
  casualties: CasualtyScore;
  subsets: SubsetScore[];
  /** Segments the analyser saw. */
  segments: number;
  /** Documents the analyser threw on (their gold labels all count as misses). */
  errors: string[];
}

interface Collected {
  gold: GoldItem[];
  predicted: PredictedItem[];
  goldEntities: GoldItem[];
  predictedEntities: PredictedItem[];
}

function collect(doc: LabelledDocument, analysis: CallAnalysis): Collected {
  const out: Collected = { gold: [], predicted: [], goldEntities: [], predictedEntities: [] };
  // A persons-only document labels nothing else, so nothing else it predicts can be judged.
  const scored = (kind: string) => !isPersonsOnly(doc) || kind === 'person';
  doc.segments.forEach((segment, segmentIndex) => {
    const at = { docId: doc.id, segmentIndex };
    for (const s of segment.spans) {
      out.gold.push({ ...at, ...s, cls: s.category, optional: s.optional ?? false });
    }
    for (const e of segment.entities) {
      out.goldEntities.push({ ...at, ...e, cls: e.kind, optional: e.optional ?? false });
    }
    const result = analysis.segments[segmentIndex];
    if (!result || result.key !== segment.key) {
      throw new Error(`${doc.id}: the analyser returned no result for segment ${segment.key}`);
    }
    for (const m of result.matches) {
      if (m.confidence < CONFIDENCE_THRESHOLD || isPersonsOnly(doc)) continue;
      out.predicted.push({
        ...at,
        start: m.start,
        end: m.end,
        surface: m.surface,
        cls: m.category,
        confidence: m.confidence,
        detail: `${m.term} · ${m.rule} · ${m.confidence.toFixed(2)}`,
      });
    }
    for (const e of result.entities) {
      if (e.confidence < CONFIDENCE_THRESHOLD || !scored(e.kind)) continue;
      out.predictedEntities.push({
        ...at,
        start: e.start,
        end: e.end,
        surface: e.surface,
        cls: e.kind,
        value: e.value,
        confidence: e.confidence,
        detail: `${e.value} · ${e.rule} · ${e.confidence.toFixed(2)}`,
      });
    }
  });
  return out;
}

function checkValues(kind: 'place' | 'phone', entities: ScoredItems): ValueCheck {
  const pairs = entities.matched.filter((m) => m.gold.cls === kind && m.gold.value !== undefined);
  const wrong = pairs
    .filter((m) => !valueMatches(m.gold.value, m.predicted.value))
    .map((m) => ({
      docId: m.gold.docId,
      surface: m.gold.surface,
      gold: m.gold.value ?? '',
      predicted: m.predicted.value,
    }));
  const score = entities.perClass.find((c) => c.cls === kind);
  const correct = pairs.length - wrong.length;
  const strictPrecision = ratio(correct, (score?.truePositives ?? 0) + (score?.falsePositives ?? 0));
  const strictRecall = ratio(correct, score?.support ?? 0);
  return { kind, correct, matched: pairs.length, strictF1: f1Of(strictPrecision, strictRecall), wrong };
}

function checkCasualties(
  docs: readonly LabelledDocument[],
  analyses: readonly CallAnalysis[],
): CasualtyScore {
  const checks: CasualtyCheck[] = [];
  docs.forEach((doc, i) => {
    const gold = doc.casualties;
    const analysis = analyses[i];
    if (!gold || !analysis) return;
    for (const field of CASUALTY_FIELDS) {
      checks.push({ docId: doc.id, field, gold: gold[field], predicted: analysis.casualties[field] });
    }
  });
  const stated = checks.filter((c) => c.gold !== null);
  return {
    fields: checks.length,
    correct: checks.filter((c) => c.gold === c.predicted).length,
    stated: stated.length,
    statedCorrect: stated.filter((c) => c.gold === c.predicted).length,
    invented: checks.filter((c) => c.gold === null && c.predicted !== null).length,
    wrong: checks.filter((c) => c.gold !== c.predicted),
  };
}

const SUBSETS: Array<{ name: string; includes: (doc: LabelledDocument) => boolean }> = [
  { name: 'demo, written', includes: (d) => d.source === 'demo' && d.form === 'written' },
  { name: 'demo, spoken (ASR-style)', includes: (d) => d.source === 'demo' && d.form === 'spoken' },
  { name: 'intercepts (real)', includes: (d) => d.source === 'intercept-transcripts' },
  {
    name: 'sentences (negatives and lower-case positives)',
    includes: (d) => d.source === 'written-for-eval',
  },
  { name: 'Ukrainian and surzhyk', includes: (d) => d.source === 'written-for-eval-uk' },
  { name: 'persons (development), written', includes: (d) => isPersonsOnly(d) && d.form === 'written' },
  {
    name: 'persons (development), spoken (lower case)',
    includes: (d) => isPersonsOnly(d) && d.form === 'spoken',
  },
  // The held-out set's groups (its own source names, so no document sits in two subsets).
  { name: 'held-out intercepts (real)', includes: (d) => d.source === 'heldout-intercepts' },
  {
    name: 'held-out sentences, written',
    includes: (d) => d.source === 'heldout-written' && d.form === 'written',
  },
  {
    name: 'held-out sentences, spoken (lower case)',
    includes: (d) => d.source === 'heldout-written' && d.form === 'spoken',
  },
  { name: 'held-out Ukrainian, written', includes: (d) => isHeldOutUkrainian(d) && d.form === 'written' },
  {
    name: 'held-out Ukrainian, spoken (recogniser-style)',
    includes: (d) => isHeldOutUkrainian(d) && d.form === 'spoken',
  },
];

/** Runs the real analyser over every labelled document and scores it against the labels. */
export function evaluate(docs: readonly LabelledDocument[]): Evaluation {
  const errors: string[] = [];
  const analyses = docs.map((doc) => {
    const segments = doc.segments.map(({ key, text }) => ({ key, text }));
    try {
      return analyseCall(segments);
    } catch (error) {
      errors.push(`${doc.id}: ${error instanceof Error ? error.message : String(error)}`);
      return emptyAnalysis(segments);
    }
  });
  const collected = docs.map((doc, i) => collect(doc, analyses[i] as CallAnalysis));
  const score = (picked: readonly Collected[]) => ({
    categories: scoreItems(
      picked.flatMap((c) => c.gold),
      picked.flatMap((c) => c.predicted),
      CATEGORIES,
    ),
    entities: scoreItems(
      picked.flatMap((c) => c.goldEntities),
      picked.flatMap((c) => c.predictedEntities),
      ENTITY_KINDS,
    ),
  });
  const overall = score(collected);
  const subsets = SUBSETS.flatMap(({ name, includes }) => {
    const picked = collected.filter((_, i) => includes(docs[i] as LabelledDocument));
    const pickedDocs = docs.filter(includes);
    if (pickedDocs.length === 0) return [];
    return {
      name,
      documents: pickedDocs.length,
      segments: pickedDocs.reduce((n, d) => n + d.segments.length, 0),
      ...score(picked),
    };
  });
  return {
    threshold: CONFIDENCE_THRESHOLD,
    lexiconVersion: analyses.find((a) => a.lexiconVersion !== 'unknown')?.lexiconVersion ?? 'unknown',
    analyserVersion: analyses.find((a) => a.analyserVersion !== 'unknown')?.analyserVersion ?? 'unknown',
    ...overall,
    values: [checkValues('place', overall.entities), checkValues('phone', overall.entities)],
    casualties: checkCasualties(docs, analyses),
    subsets,
    segments: docs.reduce((n, d) => n + d.segments.length, 0),
    errors,
  };
}

/** Stands in for a call the analyser threw on: nothing found, so every gold label is a miss. */
function emptyAnalysis(segments: readonly SegmentInput[]): CallAnalysis {
  return {
    segments: segments.map(({ key }) => ({
      key,
      language: { code: 'unknown', lexiconCovers: false },
      matches: [],
      entities: [],
      meaning: [],
    })),
    counts: {},
    casualties: { killed: null, wounded: null, missing: null },
    triage: { score: 0, reasons: [] },
    lexiconVersion: 'unknown',
    analyserVersion: 'unknown',
    classifierVersion: 'unknown',
  };
}
