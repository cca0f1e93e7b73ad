import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCall, FORMATS } from './encode.ts';
import type { GroundTruth, Lane, Segment } from './ground-truth.ts';
import { parseGroundTruth, consistencyProblems } from './ground-truth.ts';
import { parseMarkup } from './markup.ts';
import { buildReadme, callCsvFields, CSV_COLUMNS, csvRow } from './corpus-files.ts';
import { DEMO_CALLS } from './scripts/index.ts';
import type { CallScript } from './scripts/types.ts';
import { checkSynthesisTools, encodeWavPcm16, SAMPLE_RATE, synthesiseUtterance } from './synth.ts';

// `npm run demo:generate`: synthesises every call script into demo/calls, writes ground truth to
// demo/ground-truth, the call records to demo/calls.csv and demo/README.md. Output depends only on
// the scripts (and the espeak-ng, sox and ffmpeg versions), so reruns reproduce the committed files.

const LEAD_IN_S = 0.6;
const TAIL_S = 0.5;
const PEAK_DB = { caller: -3, callee: -5 } as const;

export function fileStem(script: CallScript): string {
  if (script.opaqueName) return script.opaqueName;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(script.start);
  if (!m) throw new Error(`bad start time ${script.start}`);
  return `${m[1]}${m[2]}${m[3]}_${m[4]}${m[5]}${m[6]}_${script.caller.e164}_${script.callee.e164}`;
}

/** Pause before a turn, 0.25–0.85 s, from a hash of the call and turn: varied but repeatable. */
function gapSeconds(stem: string, turn: number): number {
  let hash = 2166136261;
  for (const ch of `${stem}:${turn}`) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return 0.25 + (hash % 61) / 100;
}

const seconds = (samples: number): number => Math.round((samples / SAMPLE_RATE) * 100) / 100;

async function generateCall(script: CallScript, workDir: string, callsDir: string): Promise<GroundTruth> {
  const stem = fileStem(script);
  const spec = FORMATS[script.format];
  const file = `${stem}.${spec.extension}`;
  const roles = ['caller', 'callee'] as const;
  const clips: { role: 'caller' | 'callee'; audio: Int16Array; segment: Omit<Segment, 'start' | 'end'> }[] = [];
  for (const [index, turn] of script.turns.entries()) {
    const role = roles[index % 2] ?? 'caller';
    const { text, spoken, voiceText, annotations } = parseMarkup(turn.say);
    const party = script[role];
    const audio = await synthesiseUtterance(voiceText, party.voice, PEAK_DB[role], workDir, `${stem}-${index}`);
    clips.push({ role, audio, segment: { text, spoken, translation_en: turn.en, annotations } });
  }

  let cursor = Math.round(LEAD_IN_S * SAMPLE_RATE);
  const placed = clips.map((clip, index) => {
    if (index > 0) cursor += Math.round(gapSeconds(stem, index) * SAMPLE_RATE);
    const at = cursor;
    cursor += clip.audio.length;
    return { ...clip, at };
  });
  const total = cursor + Math.round(TAIL_S * SAMPLE_RATE);
  const channels = { caller: new Int16Array(total), callee: new Int16Array(total) };
  for (const clip of placed) channels[clip.role].set(clip.audio, clip.at);

  const master = join(workDir, `${stem}.master.wav`);
  await writeFile(master, encodeWavPcm16([channels.caller, channels.callee], SAMPLE_RATE));
  await encodeCall(master, script.format, join(callsDir, file));

  const lanes: Lane[] = roles.map((role, channel) => ({
    channel: spec.channels === 1 ? 0 : channel,
    role,
    speaker: script[role].speaker,
    voice: script[role].voice,
    segments: placed
      .filter((clip) => clip.role === role)
      .map((clip) => ({ start: seconds(clip.at), end: seconds(clip.at + clip.audio.length), ...clip.segment })),
  }));
  const truth = parseGroundTruth(
    {
      file,
      channels: spec.channels,
      language: 'ru',
      format: spec.describe,
      synthetic: true,
      summary_en: script.summaryEn,
      metadata: {
        caller: script.caller.e164,
        callee: script.callee.e164,
        start_time: script.start,
        duration_s: seconds(total),
        cell_id: script.cellId,
        location: script.location,
        source: script.source,
        batch: script.batch,
        operator_note: script.operatorNote,
        metadata_in_file_name: script.opaqueName === undefined,
      },
      lanes,
    },
    file,
  );
  const problems = consistencyProblems(truth);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return truth;
}

async function main(): Promise<void> {
  const versions = await checkSynthesisTools();
  const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo');
  const workDir = await mkdtemp(join(tmpdir(), 'earshot-demo-'));
  // Build the whole corpus aside and replace demo/ only when every call succeeded, so a failed
  // run (a markup error, a tool crash) never leaves the committed corpus half deleted.
  const callsDir = join(workDir, 'out', 'calls');
  const truthDir = join(workDir, 'out', 'ground-truth');
  await mkdir(callsDir, { recursive: true });
  await mkdir(truthDir, { recursive: true });
  const generated: { script: CallScript; truth: GroundTruth }[] = [];
  try {
    for (const script of DEMO_CALLS) {
      const truth = await generateCall(script, workDir, callsDir);
      const stem = truth.file.replace(/\.[^.]+$/, '');
      await writeFile(join(truthDir, `${stem}.json`), `${JSON.stringify(truth, null, 2)}\n`);
      generated.push({ script, truth });
      console.log(`${truth.file}  ${truth.metadata.duration_s.toFixed(1)} s`);
    }
    const rows = generated.map(({ script, truth }) => csvRow(callCsvFields(script, truth)));
    const readme = await buildReadme(generated, callsDir, versions);
    for (const name of ['calls', 'ground-truth']) {
      await rm(join(demoDir, name), { recursive: true, force: true });
      await cp(join(workDir, 'out', name), join(demoDir, name), { recursive: true });
    }
    await writeFile(join(demoDir, 'calls.csv'), [csvRow([...CSV_COLUMNS]), ...rows].join(''));
    await writeFile(join(demoDir, 'README.md'), readme);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  console.log(`${generated.length} calls written to ${demoDir}`);
}

try {
  await main();
} catch (error) {
  console.error(`demo:generate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
