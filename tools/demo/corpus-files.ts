import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GroundTruth } from './ground-truth.ts';
import type { CallScript } from './scripts/types.ts';

// The corpus' side files: calls.csv (call records as a leak's spreadsheet would hold them) and
// README.md (generated so its file list can never drift from the files).

export const CSV_COLUMNS = [
  'file',
  'caller',
  'callee',
  'start_time',
  'duration_s',
  'cell_id',
  'location',
  'source',
  'batch',
  'operator_note',
] as const;

export function csvRow(fields: string[]): string {
  return `${fields.map((f) => (/[",\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\n`;
}

export function callCsvFields(script: CallScript, truth: GroundTruth): string[] {
  return [
    truth.file,
    script.caller.csv,
    script.callee.csv,
    script.start,
    String(Math.round(truth.metadata.duration_s)),
    script.cellId,
    script.location,
    script.source,
    script.batch,
    script.operatorNote,
  ];
}

function topics(truth: GroundTruth): string {
  const labels = new Set<string>();
  for (const lane of truth.lanes) {
    for (const segment of lane.segments) {
      for (const a of segment.annotations) {
        if (a.kind === 'code_word' || a.kind === 'category') labels.add(a.label);
      }
    }
  }
  return labels.size === 0 ? '— (mundane)' : [...labels].sort().join(', ');
}

export async function buildReadme(
  generated: { script: CallScript; truth: GroundTruth }[],
  callsDir: string,
  toolVersions: string,
): Promise<string> {
  const rows: string[] = [];
  const perFormat = new Map<string, number>();
  const perYear = new Map<string, number>();
  let bytes = 0;
  for (const { script, truth } of generated) {
    const size = (await stat(join(callsDir, truth.file))).size;
    bytes += size;
    perFormat.set(truth.format, (perFormat.get(truth.format) ?? 0) + 1);
    const year = script.start.slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    rows.push(
      `| \`${truth.file}\` | ${script.start.slice(0, 10)} | ${truth.format} | ${truth.metadata.duration_s.toFixed(1)} | ` +
        `${(size / 1024).toFixed(0)} | ${topics(truth)} |`,
    );
  }
  const counts = (map: Map<string, number>): string =>
    [...map].sort().map(([key, count]) => `${key}: ${count}`).join('; ');
  return `# Demo corpus (synthetic)

${generated.length} **synthetic** Russian phone calls for trying Earshot and for testing it. They are
written in the spirit of the intercepted calls of Russian soldiers that the Associated Press and
others have published (a soldier and his mother, wife, brother or friend; casualties in code —
двухсотые, трёхсотые, пятисотые, груз 200; refusals, desertion, looting, shelling, hunger, prison
recruits), but **every word, name, phone number, unit number and call sign is invented**. Any match
with a real person or a real subscriber number is a coincidence. Nothing here is evidence.

The voices are espeak-ng's Russian voices (robotic on purpose): the recogniser fixture in
\`shared/models/test-asr-ru\` was trained on such voices, so transcripts of this corpus can be
scored. Each speaker keeps one voice across calls (\`speaker\` in the ground truth), so voice matching
across files can be tested too.

## Licence

The call scripts, transcripts, translations, annotations and the audio are dedicated to the public
domain under [CC0 1.0](https://creativecommons.org/publicdomain/zero/1.0/).

## How it was made

\`npm run demo:generate\` (source: \`tools/demo/\`, scripts: \`tools/demo/scripts/\`). For each call:
every turn is written once in a small markup that yields the written text, the spoken form and the
annotation offsets; espeak-ng speaks the spoken form (with the written punctuation, for pauses); sox band-passes it to 300–3400 Hz and
resamples to 8 kHz; leading and trailing silence is trimmed (10 ms frames, −60 dBFS); turns are
placed alternately on the caller's (left) and callee's (right) channel with 0.25–0.85 s pauses, the
other channel silent; ffmpeg encodes the result. Segment times in the ground truth are the sample
positions of the placed speech (±10 ms; lossy codecs may shift them by a few more ms). The same
scripts give the same files. Tools used for this build: ${toolVersions}, ffmpeg from
\`@ffmpeg-installer/ffmpeg\`.

## Files

- \`calls/\` — the audio. Most names are \`YYYYMMDD_HHMMSS_<callerE164>_<calleeE164>.<ext>\` (local
  time of the call); names starting \`intercept_\` are opaque and their call data is only in
  \`calls.csv\`. Stereo files: left = caller, right = callee. The \`.amr\` file is mono with both
  voices mixed.
- \`calls.csv\` — call records: ${CSV_COLUMNS.map((c) => `\`${c}\``).join(', ')}. Numbers are
  written the ways people write them (\`8 (916) 123-45-67\`, \`+380 50 123 4567\`); \`start_time\` is
  ISO 8601 with offset; \`duration_s\` is whole seconds; \`operator_note\` is an extra column.
- \`ground-truth/<file stem>.json\` — per call, see below.

Per format: ${counts(perFormat)}. Per year: ${counts(perYear)}. Audio total: ${(bytes / 1024 / 1024).toFixed(2)} MB.

| file | date | format | seconds | KiB | topics (lexicon categories) |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## Ground-truth format

Validated by \`tools/demo/ground-truth.ts\` (zod) and \`tools/demo/ground-truth.test.ts\`.

\`\`\`text
{ file, channels (1|2), language: 'ru', format, synthetic: true, summary_en,
  metadata: { caller, callee (E.164), start_time (ISO 8601 with offset), duration_s, cell_id,
              location, source, batch, operator_note, metadata_in_file_name },
  lanes: [ { channel (0 left / 1 right; 0 for both lanes of a mono file), role: 'caller'|'callee',
             speaker (stable id), voice (espeak-ng voice),
             segments: [ { start, end (seconds),
                           text (written Russian, punctuation, digits where a person writes them),
                           spoken (what the audio says: lowercase а–я, ё→е, numbers as words),
                           translation_en,
                           annotations: [ { start, end (UTF-16 offsets into text), surface,
                                            kind, label, value? } ] } ] } ] }
\`\`\`

Annotation kinds: \`code_word\` (jargon such as двухсотые, СЗЧ, помародерили; \`label\` is the
lexicon category, \`value\` a count when one is said), \`category\` (plain words that put a passage
in a lexicon category, e.g. shelling, hunger, refusal), \`person\` (\`first_name\`, \`full_name\`,
\`surname\`, \`name_patronymic\`, \`nickname\`), \`place\` (\`city\`, \`village\`, \`region\`,
\`facility\`; \`value\` is the English name), \`unit\` (\`military_unit\`, \`irregular_unit\`),
\`phone\` (\`value\` is E.164), \`call_sign\` (\`value\` is a Latin transliteration). Mundane calls
carry no \`code_word\`/\`category\` annotations, so triage has contrast.

Notes for scoring: \`metadata.duration_s\` is the length of the PCM master. ffprobe's container
duration of the \`.amr\` file is a bitrate estimate about 1 s too long; the end of its last packet
is right. MP3 and AAC add up to ~0.2 s of codec padding. The test recogniser needs some silence
around a segment: cut segments with ~0.3 s before and ~0.6 s after, not at the exact bounds.
`;
}
