import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { detectLanguage } from '../../../src/analysis/matching/language.ts';
import { tokenise } from '../../../src/analysis/matching/normalise.ts';
import { CATEGORIES, type Category } from '../../../src/analysis/types.ts';
import { isPersonsOnly, LABELS_DIR, loadLabelSets, type LabelledDocument } from '../labels.ts';

/**
 * What the meaning classifier learns from: the generated corpus (`training/analysis/corpus/*.jsonl`,
 * format in that folder's README) and the development labels (`eval/analysis/labels/*.json`, segment
 * categories from their required spans). The held-out labels are never read here.
 */

const REPO_ROOT = path.resolve(LABELS_DIR, '..', '..', '..');
export const DEFAULT_CORPUS_DIR = path.join(REPO_ROOT, 'training', 'analysis', 'corpus');

export interface MeaningSegment {
  id: string;
  text: string;
  lang: 'ru' | 'uk' | 'mixed' | 'unknown';
  labels: Category[];
  /** Categories the segment says nothing certain about: left out of their model and their score. */
  excluded: Category[];
  /** Unit of leave-one-source-out cross-validation. */
  source: string;
  /** Variants of one sentence share a group and never sit on both sides of a split. */
  group: string;
  style: 'written' | 'asr';
}

const corpusLineSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  lang: z.enum(['ru', 'uk', 'mixed']),
  labels: z.array(z.enum(CATEGORIES)),
  source: z.string().min(1),
  group: z.string().min(1),
  style: z.enum(['written', 'asr']),
  hardNegativeFor: z.array(z.enum(CATEGORIES)).default([]),
});

function corpusFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(dir, name));
}

export function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): MeaningSegment[] {
  return corpusFiles(dir).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        const parsed = corpusLineSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.message}`);
        const { id, text, lang, labels, source, group, style } = parsed.data;
        return { id, text, lang, labels, excluded: [], source, group: `${source}/${group}`, style };
      }),
  );
}

export function segmentsOf(doc: LabelledDocument): MeaningSegment[] {
  // The written and spoken demo forms of one call are one group.
  const group = `dev/${doc.id.replace(/#.*$/, '')}`;
  return doc.segments.map((segment) => {
    const required = new Set(segment.spans.filter((s) => !s.optional).map((s) => s.category));
    const optional = new Set(segment.spans.filter((s) => s.optional).map((s) => s.category));
    return {
      id: `${doc.id}:${segment.key}`,
      text: segment.text,
      lang: detectLanguage(tokenise(segment.text)).code,
      labels: [...required],
      excluded: [...optional].filter((c) => !required.has(c)),
      source: `dev-${doc.source}`,
      group,
      style: doc.form === 'spoken' ? 'asr' : 'written',
    };
  });
}

export function loadDevSegments(
  labelsDir: string = LABELS_DIR,
  includes: (doc: LabelledDocument) => boolean = () => true,
): MeaningSegment[] {
  // A persons-only document labels no categories, so its segments would be false negatives here.
  return loadLabelSets(labelsDir).flatMap((set) =>
    set.documents.filter((doc) => !isPersonsOnly(doc) && includes(doc)).flatMap(segmentsOf),
  );
}

export function loadTrainingSegments(corpusDir: string = DEFAULT_CORPUS_DIR): MeaningSegment[] {
  return [...loadCorpus(corpusDir), ...loadDevSegments()];
}

/**
 * sha256 over every training file (name and bytes, in name order): the committed model records it,
 * and a test fails when the committed corpus or labels changed without retraining.
 */
export function trainingDataHash(corpusDir: string = DEFAULT_CORPUS_DIR): string {
  // Only label files the classifier trains on: a persons-only file gives it no segment.
  const labelFiles = loadLabelSets(LABELS_DIR)
    .filter((set) => set.documents.some((doc) => !isPersonsOnly(doc)))
    .map((set) => path.join(LABELS_DIR, set.file));
  const hash = createHash('sha256');
  for (const file of [...corpusFiles(corpusDir), ...labelFiles]) {
    hash.update(`${path.basename(path.dirname(file))}/${path.basename(file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
