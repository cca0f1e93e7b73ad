// npm run bench:analysis: analyser throughput in segments per second on one thread, over the
// labelled development set (demo written + spoken, intercept transcripts, sentences) repeated to at
// least 20,000 segments. Reported separately: loading (import + first call, dictionaries), a cold
// pass (every word form seen for the first time, so morphology caches fill) and warm passes
// (caches full, one warm-up pass excluded). The baseline is a plain lower-case + tokenise pass over
// the same segments, timed the same way, so the ratio says what the analysis costs per segment.
// Lexicon alone (analyseCall with { meaning: false }) and lexicon + meaning classifier (the
// analyser as the analyse stage runs it) are timed in the same run.
// Goal (issues 4 and 16): ≥ 2,000 segments/s warm, classifier included. Per CPU-second figures are printed too: on a shared
// machine other processes stretch wall time but not this process's CPU time.
import { availableParallelism, cpus } from 'node:os';
import type { SegmentInput } from '../src/analysis/types.ts';
import { allDocuments, loadLabelSets } from '../eval/analysis/labels.ts';

const MIN_SEGMENTS = 20_000;
const GOAL_PER_SECOND = 2_000;

type Call = SegmentInput[];

function corpus(): Call[] {
  return allDocuments(loadLabelSets()).map((doc) => doc.segments.map(({ key, text }) => ({ key, text })));
}

/** What any text feature must do at least once: fold case and split into words. */
function tokeniseBaseline(text: string): number {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean).length;
}

interface Timing {
  segments: number;
  seconds: number;
  cpuSeconds: number;
  perSecond: number;
}

function time(calls: readonly Call[], passes: number, analyse: (call: Call) => number): Timing {
  let sink = 0;
  let segments = 0;
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let pass = 0; pass < passes; pass++) {
    for (const call of calls) {
      sink += analyse(call);
      segments += call.length;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  // Keeps the work observable so that nothing can be optimised away.
  if (sink < 0) console.log(sink);
  return { segments, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, perSecond: segments / seconds };
}

function line(label: string, t: Timing): string {
  return (
    `${label.padEnd(44)} ${String(t.segments).padStart(7)} segments  ${t.seconds.toFixed(3).padStart(7)} s` +
    `  ${Math.round(t.perSecond).toLocaleString('en').padStart(9)} segments/s  ` +
    `(CPU ${t.cpuSeconds.toFixed(2)} s: ${Math.round(t.segments / t.cpuSeconds).toLocaleString('en')} per CPU-second)`
  );
}

async function main(): Promise<void> {
  const calls = corpus();
  const unique = calls.reduce((n, c) => n + c.length, 0);
  const chars = calls.reduce((n, c) => n + c.reduce((m, s) => m + s.text.length, 0), 0);
  const passes = Math.ceil(MIN_SEGMENTS / unique);
  console.log(
    `Corpus: ${calls.length} calls, ${unique} distinct segments (${Math.round(chars / unique)} characters on average), ` +
      `${passes} passes per timed run. One thread (Node main thread); machine has ${availableParallelism()} cores ` +
      `(${cpus()[0]?.model ?? 'unknown CPU'}).`,
  );

  const loadStarted = process.hrtime.bigint();
  const { analyseCall } = await import('../src/analysis/analyse-text.ts');
  const first = calls[0] ?? [];
  analyseCall(first.slice(0, 1), { meaning: false });
  const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
  const count = (result: ReturnType<typeof analyseCall>) =>
    result.segments.length +
    result.segments.reduce((n, s) => n + s.matches.length + s.entities.length + s.meaning.length, 0);
  const lexiconOnly = (call: Call) => count(analyseCall(call, { meaning: false }));
  const analyse = (call: Call) => count(analyseCall(call));
  const baseline = (call: Call) => call.reduce((n, s) => n + tokeniseBaseline(s.text), 0);

  const cold = time(calls, 1, lexiconOnly);
  time(calls, 1, lexiconOnly); // warm-up, excluded
  const lexicon = time(calls, passes, lexiconOnly);
  const modelStarted = process.hrtime.bigint();
  analyseCall(first.slice(0, 1));
  const modelSeconds = Number(process.hrtime.bigint() - modelStarted) / 1e9;
  time(calls, 1, analyse); // warm-up, excluded
  const warm = time(calls, passes, analyse);
  time(calls, 1, baseline); // warm-up, excluded
  const base = time(calls, passes, baseline);

  console.log(`Loading (import + first call, lexicon)        ${loadSeconds.toFixed(3)} s`);
  console.log(`Loading the meaning model (first classified)  ${modelSeconds.toFixed(3)} s`);
  console.log(line('lexicon alone, cold caches (first pass)', cold));
  console.log(line('lexicon alone, warm caches', lexicon));
  console.log(line('lexicon + meaning classifier, warm caches', warm));
  console.log(line('baseline: lower-case + tokenise', base));
  console.log(
    `The classifier costs ${((1 / warm.perSecond - 1 / lexicon.perSecond) * 1e6) | 0} µs per segment ` +
      `(${(lexicon.perSecond / warm.perSecond).toFixed(2)}× the lexicon alone's time).`,
  );
  const perCpuSecond = warm.segments / warm.cpuSeconds;
  const verdict = (x: number) => (x >= GOAL_PER_SECOND ? 'met' : 'NOT met');
  console.log(
    `Analysis costs ${(base.perSecond / warm.perSecond).toFixed(1)}× the baseline per segment (warm); ` +
      `${(warm.perSecond / cold.perSecond).toFixed(1)}× faster warm than cold.`,
  );
  console.log(
    `Goal ≥ ${GOAL_PER_SECOND.toLocaleString('en')} segments/s on one core (warm): wall clock ` +
      `${Math.round(warm.perSecond).toLocaleString('en')}/s ${verdict(warm.perSecond)}; per CPU-second ` +
      `${Math.round(perCpuSecond).toLocaleString('en')} ${verdict(perCpuSecond)} (what a dedicated core does; ` +
      'CPU time includes V8 helper threads, so this errs low).',
  );
}

await main();
