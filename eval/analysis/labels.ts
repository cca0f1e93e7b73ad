import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CATEGORIES } from '../../src/analysis/types.ts';

/**
 * The hand-labelled development set of the analyser (see eval/analysis/README.md for the guidelines).
 * Offsets are JavaScript string indices into `text`, half-open, exactly like the analyser's own.
 */
export const LABELS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'labels');
/** Labelled after the first scored run and scored apart; their misses are never listed. */
export const HELD_OUT_DIR = path.join(LABELS_DIR, '..', 'labels-heldout');
/**
 * The held-out Ukrainian documents (`labels-heldout/ukrainian.json`): scored apart from the rest of the
 * held-out set, whose figures and floors stay those of Russian text.
 */
export const HELD_OUT_UKRAINIAN_SOURCE = 'heldout-uk';
const REPO_ROOT = path.resolve(LABELS_DIR, '..', '..', '..');

const offsets = {
  start: z.number().int().nonnegative().describe('first UTF-16 code unit of the span in `text`'),
  end: z.number().int().positive().describe('one past the last code unit'),
  surface: z.string().min(1).describe('text[start, end), stored so that a reviewer can read the label'),
  optional: z
    .boolean()
    .optional()
    .describe('defensible either way: a prediction here is not a false alarm and a miss is not counted'),
};

export const goldSpanSchema = z.object({ category: z.enum(CATEGORIES), ...offsets }).strict();
export const goldEntitySchema = z
  .object({
    kind: z.enum(['person', 'place', 'unit', 'phone', 'call_sign']),
    ...offsets,
    value: z.string().optional().describe('normalised value; checked for places and phones'),
  })
  .strict();

const countSchema = z.number().int().nonnegative().nullable();
export const goldCasualtiesSchema = z
  .object({ killed: countSchema, wounded: countSchema, missing: countSchema })
  .strict()
  .describe('counts the call states (null: none stated); absent on documents whose counts are not scored');

export const labelledSegmentSchema = z
  .object({
    key: z.string().min(1),
    text: z.string(),
    spans: z.array(goldSpanSchema),
    entities: z.array(goldEntitySchema),
  })
  .strict();

export const labelledDocumentSchema = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1),
    form: z.enum(['written', 'spoken']).describe('written: cased and punctuated; spoken: recogniser-style'),
    group: z.string().optional(),
    scope: z
      .literal('person')
      .optional()
      .describe(
        'person: only person entities are labelled, so only they are scored (no categories, counts or other kinds)',
      ),
    origin: z
      .object({ file: z.string(), field: z.enum(['text', 'spoken']).optional(), note: z.string().optional() })
      .strict()
      .optional(),
    casualties: goldCasualtiesSchema.optional(),
    segments: z.array(labelledSegmentSchema).min(1),
  })
  .strict();

export const labelFileSchema = z
  .object({
    description: z.string(),
    licence: z.string(),
    documents: z.array(labelledDocumentSchema).min(1),
  })
  .strict();

export type GoldSpan = z.infer<typeof goldSpanSchema>;
export type GoldEntity = z.infer<typeof goldEntitySchema>;
export type GoldCasualties = z.infer<typeof goldCasualtiesSchema>;
export type LabelledSegment = z.infer<typeof labelledSegmentSchema>;
export type LabelledDocument = z.infer<typeof labelledDocumentSchema>;

export interface LabelSet {
  file: string;
  documents: LabelledDocument[];
}

export function loadLabelSets(dir: string = LABELS_DIR): LabelSet[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = labelFileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`${name}: ${parsed.error.message}`);
      return { file: name, documents: parsed.data.documents };
    });
}

export function isHeldOutUkrainian(doc: LabelledDocument): boolean {
  return doc.source === HELD_OUT_UKRAINIAN_SOURCE;
}

/** The persons development set (`labels/persons.json`): only its person entities are labelled. */
export function isPersonsOnly(doc: LabelledDocument): boolean {
  return doc.scope === 'person';
}

export function allDocuments(sets: readonly LabelSet[]): LabelledDocument[] {
  return sets.flatMap((set) => set.documents);
}

/**
 * Every problem that would make a score meaningless: a span whose offsets do not give its surface,
 * spans of one layer that overlap within a category or kind, duplicate ids, and label texts that no
 * longer equal the demo ground truth they were copied from.
 */
export function findLabelProblems(sets: readonly LabelSet[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const set of sets) {
    for (const doc of set.documents) {
      if (ids.has(doc.id)) problems.push(`${set.file}: duplicate document id ${doc.id}`);
      ids.add(doc.id);
      const keys = new Set<string>();
      doc.segments.forEach((segment) => {
        const where = `${set.file} ${doc.id} segment ${segment.key}`;
        if (keys.has(segment.key)) problems.push(`${where}: duplicate segment key`);
        keys.add(segment.key);
        const items = [
          ...segment.spans.map((s) => ({ ...s, group: s.category })),
          ...segment.entities.map((e) => ({ ...e, group: `entity:${e.kind}` })),
        ];
        for (const item of items) {
          const actual = segment.text.slice(item.start, item.end);
          if (item.end <= item.start || item.end > segment.text.length || actual !== item.surface) {
            problems.push(
              `${where}: [${item.start},${item.end}) is «${actual}», label says «${item.surface}»`,
            );
          }
        }
        for (const a of items) {
          for (const b of items) {
            if (a !== b && a.group === b.group && a.start < b.end && b.start < a.end && a.start <= b.start) {
              problems.push(`${where}: overlapping ${a.group} labels «${a.surface}» and «${b.surface}»`);
            }
          }
        }
      });
      problems.push(...demoDrift(doc));
    }
  }
  return problems;
}

const demoGroundTruthSchema = z.object({
  lanes: z.array(z.object({ segments: z.array(z.object({ text: z.string(), spoken: z.string() })) })),
});

/** Demo labels copy the ground truth's text; if the demo is regenerated the labels must follow. */
function demoDrift(doc: LabelledDocument): string[] {
  const field = doc.origin?.field;
  if (doc.source !== 'demo' || !doc.origin || !field) return [];
  const truth = demoGroundTruthSchema.parse(
    JSON.parse(readFileSync(path.join(REPO_ROOT, doc.origin.file), 'utf8')),
  );
  const problems: string[] = [];
  for (const segment of doc.segments) {
    const [lane, index] = segment.key.split(':').map(Number);
    const source = truth.lanes[lane ?? -1]?.segments[index ?? -1];
    if (!source) problems.push(`${doc.id}: segment ${segment.key} is not in ${doc.origin.file}`);
    else if (source[field] !== segment.text) {
      problems.push(`${doc.id}: segment ${segment.key} text differs from ${doc.origin.file} (${field})`);
    }
  }
  const total = truth.lanes.reduce((n, lane) => n + lane.segments.length, 0);
  if (total !== doc.segments.length)
    problems.push(`${doc.id}: ${doc.segments.length} of ${total} segments labelled`);
  return problems;
}
