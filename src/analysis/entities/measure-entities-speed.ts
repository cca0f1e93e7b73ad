/**
 * Segments per second of `extractEntities` on one core, over the demo ground truth (both the
 * recogniser-style `spoken` and the published-style `text` of every segment) and the real intercept
 * transcripts in ../shared/data/intercept-transcripts (one line = one segment).
 *
 *   npx tsx src/analysis/entities/measure-entities-speed.ts [rounds]
 *
 * Prints the start-up cost (dictionaries and gazetteer), the first pass (cold word cache) and the
 * steady rate over further rounds. The whole-analysis target (≥ 2,000 segments/s) is measured by
 * `npm run bench:analysis`; this isolates the entity share of it.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractEntities } from './extract-entities.ts';
import { gazetteer } from './gazetteer.ts';
import { lookupWord } from './morphology.ts';

const REPO = new URL('../../../', import.meta.url).pathname;
const DEMO = join(REPO, 'demo', 'ground-truth');
const INTERCEPTS = join(REPO, '..', 'shared', 'data', 'intercept-transcripts', 'data', 'final');

interface DemoFile {
  lanes: Array<{ segments: Array<{ text: string; spoken: string }> }>;
}

function demoSegments(): string[] {
  if (!existsSync(DEMO)) return [];
  return readdirSync(DEMO)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const file = JSON.parse(readFileSync(join(DEMO, name), 'utf8')) as DemoFile;
      return file.lanes.flatMap((lane) => lane.segments.flatMap((s) => [s.spoken, s.text]));
    });
}

function transcriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return transcriptFiles(path);
    return name === 'transcript_original.txt' ? [path] : [];
  });
}

function interceptSegments(): string[] {
  return transcriptFiles(INTERCEPTS).flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !/^(#|Model:|x{5}|Bemerkung)/i.test(line))
      .map((line) => line.replace(/^-+\s*/, '')),
  );
}

interface Rate {
  perSecond: number;
  /** Per second of this process's CPU time: steadier than wall time on a shared, busy machine. */
  perCpuSecond: number;
  entities: number;
}

function rate(segments: readonly string[], rounds: number): Rate {
  let entities = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (const text of segments) entities += extractEntities(text).length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const count = segments.length * rounds;
  return { perSecond: count / seconds, perCpuSecond: count / cpuSeconds, entities: entities / rounds };
}

const rounds = Number(process.argv[2] ?? 5);
const loadStarted = performance.now();
gazetteer();
lookupWord('прогрев');
const loadMs = performance.now() - loadStarted;
const sets: Array<[string, string[]]> = [
  ['demo ground truth (spoken + text)', demoSegments()],
  ['real intercept transcripts', interceptSegments()],
];
console.log(`start-up (Az.js dictionaries + gazetteer index): ${loadMs.toFixed(0)} ms`);
for (const [name, segments] of sets) {
  if (segments.length === 0) {
    console.log(`${name}: not found, skipped`);
    continue;
  }
  const chars = segments.reduce((sum, s) => sum + s.length, 0);
  const cold = rate(segments, 1);
  const warm = rate(segments, rounds);
  console.log(
    `${name}: ${segments.length} segments, ${(chars / segments.length).toFixed(0)} chars avg, ` +
      `${cold.entities} entities; first pass ${cold.perSecond.toFixed(0)} segments/s ` +
      `(${cold.perCpuSecond.toFixed(0)} per CPU second), steady ${warm.perSecond.toFixed(0)} segments/s ` +
      `(${warm.perCpuSecond.toFixed(0)} per CPU second, ${rounds} rounds)`,
  );
}
