// Measures the near-duplicate scores the thresholds in src/fingerprint/alignment.ts rest on, with
// the product's own code (decode's working copies, fpcalc, the alignment): every pair of different
// demo calls, and every demo call against its leak-like copies (mp3, opus, amr-nb, trimmed, mono).
// Run: npx tsx eval/fingerprint/measure-scores.ts   (needs fpcalc; about a minute)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CALL_VARIANTS,
  makeCallVariant,
  TRIM_START_SECONDS,
  type CallVariant,
} from '../../test/helpers/call-variants.ts';
import { bestAlignment, MATCH_SCORE } from '../../src/fingerprint/alignment.ts';
import { fingerprintChannels } from '../../src/fingerprint/channel-fingerprints.ts';
import type { ChannelFingerprint } from '../../src/fingerprint/duplicate-matching.ts';
import { ITEM_SECONDS, locateFpcalc } from '../../src/fingerprint/fpcalc-engine.ts';
import { makeWorkingCopies } from '../../src/media/transcode.ts';
import { readMonoPcm16Wav } from '../../src/speech/wav-samples.ts';

const demoCalls = path.resolve(import.meta.dirname, '..', '..', 'demo', 'calls');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-fp-eval-'));

async function fingerprintsOf(file: string): Promise<ChannelFingerprint[]> {
  const out = path.join(scratch, `wc-${path.basename(file)}`);
  const { copies } = await makeWorkingCopies({ inputPath: file, outputDir: out });
  return fingerprintChannels(copies.map((c) => ({ channel: c.channel, ...readMonoPcm16Wav(c.path) })));
}

/** The best score over every channel/mix pair, as the stage computes it. */
function best(a: ChannelFingerprint[], b: ChannelFingerprint[]) {
  let top: { score: number; offset: number; pair: string } | undefined;
  for (const x of a)
    for (const y of b) {
      const al = bestAlignment(x.items, y.items);
      if (al && (!top || al.score > top.score))
        top = { score: al.score, offset: al.offsetItems * ITEM_SECONDS, pair: `${x.channel}~${y.channel}` };
    }
  return top;
}

try {
  console.log(`fpcalc ${locateFpcalc().version}; lead threshold ${MATCH_SCORE}`);
  const names = fs.readdirSync(demoCalls).sort();
  const fps = new Map<string, ChannelFingerprint[]>();
  for (const name of names) fps.set(name, await fingerprintsOf(path.join(demoCalls, name)));

  const different: { score: number; pair: string }[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const top = best(fps.get(names[i]!)!, fps.get(names[j]!)!);
      different.push({
        score: top?.score ?? 0,
        pair: `${names[i]} ~ ${names[j]} (${top?.pair ?? 'no overlap'})`,
      });
    }
  different.sort((a, b) => b.score - a.score);
  console.log(`\ndifferent calls: ${different.length} pairs; highest scores:`);
  for (const d of different.slice(0, 5)) console.log(`  ${d.score.toFixed(3)}  ${d.pair}`);

  const same: Record<CallVariant, number[]> = { mp3: [], opus: [], 'amr-nb': [], trimmed: [], mono: [] };
  let worstOffsetError = 0;
  for (const name of names) {
    for (const variant of Object.keys(CALL_VARIANTS) as CallVariant[]) {
      const copy = makeCallVariant(path.join(demoCalls, name), variant, scratch);
      const top = best(fps.get(name)!, await fingerprintsOf(copy));
      same[variant].push(top?.score ?? 0);
      const expected = variant === 'trimmed' ? TRIM_START_SECONDS : 0;
      if (top) worstOffsetError = Math.max(worstOffsetError, Math.abs(top.offset - expected));
    }
  }
  console.log(`\nsame call, ${names.length} demo calls × each copy (lowest / median / highest):`);
  for (const [variant, scores] of Object.entries(same)) {
    const sorted = [...scores].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `  ${variant.padEnd(8)} ${sorted[0]!.toFixed(3)} / ${median.toFixed(3)} / ${sorted.at(-1)!.toFixed(3)}`,
    );
  }
  console.log(`  largest offset error: ${worstOffsetError.toFixed(2)} s`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
