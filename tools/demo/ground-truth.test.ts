import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ffprobePath } from '../../src/media/ffmpeg-binaries.ts';
import { CSV_COLUMNS } from './corpus-files.ts';
import type { GroundTruth } from './ground-truth.ts';
import { consistencyProblems, loadGroundTruthDir, parseGroundTruth } from './ground-truth.ts';

// Checks the committed demo corpus against itself: ground truth ↔ audio ↔ calls.csv ↔ file names.

const run = promisify(execFile);
const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo');
const callsDir = join(demoDir, 'calls');

interface Probe {
  duration: number;
  channels: number;
  sampleRate: number;
  codec: string;
}

async function probe(path: string): Promise<Probe> {
  const { stdout } = await run(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', path]);
  const json = JSON.parse(stdout) as { streams: { codec_name: string; channels: number; sample_rate: string }[] };
  const stream = json.streams[0];
  if (!stream) throw new Error(`${path}: no audio stream`);
  return {
    duration: await decodedDuration(path),
    channels: stream.channels,
    sampleRate: Number(stream.sample_rate),
    codec: stream.codec_name,
  };
}

/** End of the last packet: the container's duration field is a bitrate guess for AMR (off by 1 s). */
async function decodedDuration(path: string): Promise<number> {
  const { stdout } = await run(
    ffprobePath(),
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', path],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  let end = 0;
  for (const line of stdout.split('\n')) {
    const [pts, duration] = line.split(',').map(Number);
    if (pts !== undefined && duration !== undefined && Number.isFinite(pts + duration)) end = Math.max(end, pts + duration);
  }
  return end;
}

let truths: GroundTruth[] = [];
const probes = new Map<string, Probe>();

beforeAll(async () => {
  truths = await loadGroundTruthDir(join(demoDir, 'ground-truth'));
  for (const truth of truths) probes.set(truth.file, await probe(join(callsDir, truth.file)));
});

describe('demo corpus ground truth', () => {
  it('has one ground-truth file per audio file, and 15–25 calls', async () => {
    const audio = (await readdir(callsDir)).sort();
    expect(truths.map((t) => t.file).sort()).toEqual(audio);
    expect(truths.length).toBeGreaterThanOrEqual(15);
    expect(truths.length).toBeLessThanOrEqual(25);
  });

  it('has annotation offsets that point at their surface and no overlapping segments', () => {
    expect(truths.flatMap(consistencyProblems)).toEqual([]);
  });

  it('places every segment inside the audio, which is 8 kHz, 20–90 s, with the channels declared', () => {
    for (const truth of truths) {
      const p = probes.get(truth.file);
      expect(p, truth.file).toBeDefined();
      if (!p) continue;
      expect(p.channels, truth.file).toBe(truth.channels);
      // Opus always decodes at 48 kHz; its header keeps the 8 kHz input rate, which ffprobe hides.
      expect(p.sampleRate, truth.file).toBe(p.codec === 'opus' ? 48000 : 8000);
      expect(p.duration, truth.file).toBeGreaterThanOrEqual(20);
      expect(p.duration, truth.file).toBeLessThanOrEqual(90);
      // Lossy codecs pad up to a few frames (MP3 at 8 kHz: 72 ms each); the ground truth's duration is the PCM master's.
      expect(Math.abs(p.duration - truth.metadata.duration_s), truth.file).toBeLessThan(0.25);
      for (const lane of truth.lanes) {
        for (const segment of lane.segments) expect(segment.end, truth.file).toBeLessThanOrEqual(p.duration);
      }
    }
  });

  it('covers the formats a leak holds', () => {
    const codecs = new Set([...probes.values()].map((p) => p.codec));
    for (const codec of ['opus', 'mp3', 'pcm_s16le', 'pcm_mulaw', 'flac', 'aac', 'amr_nb']) {
      expect(codecs, codec).toContain(codec);
    }
  });

  it('spreads calls over 2022–2024, with mundane calls and 500s growing over time', () => {
    const years = new Set(truths.map((t) => t.metadata.start_time.slice(0, 4)));
    expect([...years].sort()).toEqual(['2022', '2023', '2024']);
    const flagged = (t: GroundTruth, label?: string): number =>
      t.lanes
        .flatMap((l) => l.segments)
        .flatMap((s) => s.annotations)
        .filter((a) => (a.kind === 'code_word' || a.kind === 'category') && (!label || a.label === label))
        .reduce((sum, a) => sum + (label && typeof a.value === 'number' ? a.value : 1), 0);
    expect(truths.filter((t) => flagged(t) === 0).length).toBeGreaterThanOrEqual(3);
    const refusals = (year: string): number =>
      truths.filter((t) => t.metadata.start_time.startsWith(year)).reduce((n, t) => n + flagged(t, 'refusal_to_fight'), 0);
    expect(refusals('2022')).toBeLessThan(refusals('2023'));
    expect(refusals('2023')).toBeLessThan(refusals('2024'));
  });

  it('names files by time and numbers unless the name is opaque', () => {
    for (const truth of truths) {
      const m = truth.metadata;
      if (!m.metadata_in_file_name) {
        expect(truth.file, truth.file).toMatch(/^intercept_\d{4}\./);
        continue;
      }
      const stamp = m.start_time.slice(0, 19).replace(/[-:]/g, '').replace('T', '_');
      expect(truth.file.replace(/\.[^.]+$/, '')).toBe(`${stamp}_${m.caller}_${m.callee}`);
    }
  });
});

describe('demo calls.csv', () => {
  it('has the documented columns and one row per file, matching the ground truth', async () => {
    const csv = await readFile(join(demoDir, 'calls.csv'), 'utf8');
    const rows = parse<Record<string, string>>(csv, { columns: true });
    const header = csv.split('\n')[0];
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(rows.map((r) => r.file).sort()).toEqual((await readdir(callsDir)).sort());
    const byFile = new Map(truths.map((t) => [t.file, t]));
    for (const row of rows) {
      const truth = byFile.get(row.file ?? '');
      expect(truth, row.file).toBeDefined();
      if (!truth) continue;
      expect(e164(row.caller ?? ''), row.file).toBe(truth.metadata.caller);
      expect(e164(row.callee ?? ''), row.file).toBe(truth.metadata.callee);
      expect(row.start_time).toBe(truth.metadata.start_time);
      expect(Number(row.duration_s)).toBe(Math.round(truth.metadata.duration_s));
      expect(row.operator_note).toBe(truth.metadata.operator_note);
    }
  });
});

/** Numbers in the CSV are written by humans: Russian or Ukrainian national formats, with or without +. */
function e164(written: string): string | undefined {
  for (const candidate of [written, `+${written}`]) {
    for (const country of ['RU', 'UA'] as const) {
      const parsed = parsePhoneNumberFromString(candidate, country);
      if (parsed?.isValid()) return parsed.number;
    }
  }
  return undefined;
}

describe('ground-truth checks can fail', () => {
  const valid = (): unknown => JSON.parse(JSON.stringify(truths[0])) as unknown;

  it('reports an annotation whose offsets miss its surface', () => {
    const truth = parseGroundTruth(valid(), 'copy');
    const segment = truth.lanes.flatMap((l) => l.segments).find((s) => s.annotations.length > 0);
    expect(segment).toBeDefined();
    const annotation = segment?.annotations[0];
    if (annotation) annotation.start += 1;
    expect(consistencyProblems(truth).join('\n')).toMatch(/points at/);
  });

  it('reports overlapping segments', () => {
    const truth = parseGroundTruth(valid(), 'copy');
    const [first, second] = truth.lanes[0]?.segments ?? [];
    if (first && second) second.start = first.end - 0.5;
    expect(consistencyProblems(truth).join('\n')).toMatch(/overlaps/);
  });

  it('rejects a spoken form with digits and an unknown category label', () => {
    const digits = valid() as GroundTruth;
    const segment = digits.lanes[0]?.segments[0];
    if (segment) segment.spoken = 'у нас 5 двухсотых';
    expect(() => parseGroundTruth(digits, 'copy')).toThrow(/spoken/);
    const label = valid() as GroundTruth;
    label.lanes[0]?.segments[0]?.annotations.push({ start: 0, end: 1, surface: 'x', kind: 'code_word', label: 'nonsense' });
    expect(() => parseGroundTruth(label, 'copy')).toThrow(/label/);
  });
});
