import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

// Ground truth for the demo corpus: one JSON file per call, one lane per channel (or per speaker
// on a mono call). Later stages (speech recognition, code-word tagging, redaction) are scored
// against these files, so the loader is strict: a malformed file must fail loudly, not score zero.

/** Categories of lexicon.tsv (shared research), copied so a fresh clone needs no shared folder. */
export const LEXICON_CATEGORIES = [
  'casualties_killed',
  'casualties_missing',
  'casualties_wounded',
  'desertion',
  'execution_or_coercion',
  'general',
  'irregular_units',
  'looting',
  'mobilisation',
  'morale',
  'payments',
  'prison_recruitment',
  'radio_code',
  'refusal_to_fight',
  'self_inflicted_wound',
  'slur_for_ukrainians',
  'supplies_and_conditions',
  'surrender_captivity',
  'violence_against_civilians_or_prisoners',
  'weapons_and_shelling',
] as const;

export const ENTITY_LABELS = {
  person: ['first_name', 'full_name', 'surname', 'name_patronymic', 'nickname'],
  place: ['city', 'village', 'region', 'facility'],
  unit: ['military_unit', 'irregular_unit'],
  phone: ['phone_number'],
  call_sign: ['call_sign'],
} as const;

const annotationSchema = z
  .object({
    start: z.int().nonnegative(),
    end: z.int().positive(),
    surface: z.string().min(1),
    kind: z.enum(['code_word', 'category', 'person', 'place', 'unit', 'phone', 'call_sign']),
    label: z.string().min(1),
    value: z.union([z.string().min(1), z.number()]).optional(),
  })
  .refine((a) => a.end > a.start, { message: 'annotation end must be after start' })
  .refine(
    (a) =>
      a.kind === 'code_word' || a.kind === 'category'
        ? (LEXICON_CATEGORIES as readonly string[]).includes(a.label)
        : (ENTITY_LABELS[a.kind] as readonly string[]).includes(a.label),
    { message: 'annotation label is not valid for its kind' },
  );

const segmentSchema = z
  .object({
    start: z.number().nonnegative(),
    end: z.number().positive(),
    text: z.string().min(1),
    // What the audio says, in the test recogniser's alphabet: lowercase а–я (no ё) and spaces.
    spoken: z.string().regex(/^[а-еж-я]+( [а-еж-я]+)*$/, 'spoken must be lowercase а–я words'),
    translation_en: z.string().min(1),
    annotations: z.array(annotationSchema),
  })
  .refine((s) => s.end > s.start, { message: 'segment end must be after start' });

const laneSchema = z.object({
  channel: z.int().nonnegative(),
  role: z.enum(['caller', 'callee']),
  speaker: z.string().min(1),
  voice: z.string().min(1),
  segments: z.array(segmentSchema).min(1),
});

const metadataSchema = z.object({
  caller: z.string().regex(/^\+[1-9]\d{6,14}$/, 'caller must be E.164'),
  callee: z.string().regex(/^\+[1-9]\d{6,14}$/, 'callee must be E.164'),
  start_time: z.iso.datetime({ offset: true }),
  duration_s: z.number().positive(),
  cell_id: z.string(),
  location: z.string(),
  source: z.string().min(1),
  batch: z.string().min(1),
  operator_note: z.string(),
  /** False when the file name is opaque and the metadata lives only in calls.csv. */
  metadata_in_file_name: z.boolean(),
});

export const groundTruthSchema = z.object({
  file: z.string().regex(/^[^/\\]+$/, 'file must be a bare file name'),
  channels: z.union([z.literal(1), z.literal(2)]),
  language: z.literal('ru'),
  format: z.string().min(1),
  synthetic: z.literal(true),
  summary_en: z.string().min(1),
  metadata: metadataSchema,
  lanes: z.array(laneSchema).length(2),
});

export type Annotation = z.infer<typeof annotationSchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type Lane = z.infer<typeof laneSchema>;
export type CallMetadata = z.infer<typeof metadataSchema>;
export type GroundTruth = z.infer<typeof groundTruthSchema>;

/** Parses one ground-truth document; throws with the file name and the zod issues. */
export function parseGroundTruth(json: unknown, origin: string): GroundTruth {
  const result = groundTruthSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`${origin}: invalid ground truth:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export async function loadGroundTruthFile(path: string): Promise<GroundTruth> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseGroundTruth(json, path);
}

/** Every ground-truth file of a corpus folder (demo/ground-truth), sorted by name. */
export async function loadGroundTruthDir(dir: string): Promise<GroundTruth[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map((name) => loadGroundTruthFile(join(dir, name))));
}

/** Problems a schema cannot see: offsets that do not point at `surface`, overlapping segments. */
export function consistencyProblems(truth: GroundTruth): string[] {
  const problems: string[] = [];
  for (const lane of truth.lanes) {
    if (lane.channel >= truth.channels) {
      problems.push(`${truth.file}: lane channel ${lane.channel} but the file has ${truth.channels}`);
    }
    lane.segments.forEach((segment, index) => {
      const previous = lane.segments[index - 1];
      if (previous && segment.start < previous.end) {
        problems.push(`${truth.file}: ${lane.role} segment ${index} overlaps the one before`);
      }
      for (const a of segment.annotations) {
        const actual = segment.text.slice(a.start, a.end);
        if (actual !== a.surface) {
          problems.push(`${truth.file}: annotation "${a.surface}" points at "${actual}" (${a.start}-${a.end})`);
        }
      }
    });
  }
  return problems;
}
