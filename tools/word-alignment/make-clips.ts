import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkSynthesisTools, encodeWavPcm16, SAMPLE_RATE, synthesiseUtterance } from '../demo/synth.ts';

/**
 * Makes the word-alignment fixture (test/fixtures/word-alignment/): telephone-band espeak-ng
 * sentences whose true word times are known because every word is synthesised on its own and
 * the words are laid end to end with known pauses (some none at all). The demo corpus' ground
 * truth has segment times only, not word times. Run: npx tsx tools/word-alignment/make-clips.ts
 */

const SENTENCES: [voice: string, text: string][] = [
  ['ru', 'мама у нас вчера опять было много двухсотых'],
  ['ru+m1', 'передай жене что пятисотых сегодня увезли в комендатуру'],
  ['ru+f2', 'нас бросили без связи и без воды под бахмутом'],
  ['ru+m3', 'командир сказал что завтра снова пойдем на штурм'],
  ['ru+f4', 'слышишь меня я тебе потом перезвоню из харькова'],
  ['ru+m7', 'в роте осталось одиннадцать человек остальные трехсотые'],
];
// Pauses between words (ms), cycled: none, short and long, as in running speech.
const GAPS_MS = [40, 120, 0, 80, 200, 20, 60, 0, 150];
const LEAD_MS = 250;
const TAIL_MS = 300;
const PEAK_DB = -3;

export interface AlignmentClip {
  file: string;
  voice: string;
  text: string;
  words: { w: string; start: number; end: number }[];
}

const outDir = path.resolve(import.meta.dirname, '../../test/fixtures/word-alignment');
const work = await mkdtemp(path.join(os.tmpdir(), 'earshot-align-clips-'));
try {
  const tools = await checkSynthesisTools();
  await mkdir(outDir, { recursive: true });
  const clips: AlignmentClip[] = [];
  let gap = 0;
  for (const [index, [voice, text]] of SENTENCES.entries()) {
    const pieces: Int16Array[] = [new Int16Array((SAMPLE_RATE * LEAD_MS) / 1000)];
    let at = pieces[0]!.length;
    const words: AlignmentClip['words'] = [];
    for (const [n, word] of text.split(' ').entries()) {
      if (n > 0) {
        const pause = new Int16Array((SAMPLE_RATE * GAPS_MS[gap++ % GAPS_MS.length]!) / 1000);
        pieces.push(pause);
        at += pause.length;
      }
      const speech = await synthesiseUtterance(word, voice, PEAK_DB, work, `${index}-${n}`);
      words.push({ w: word, start: at / SAMPLE_RATE, end: (at + speech.length) / SAMPLE_RATE });
      pieces.push(speech);
      at += speech.length;
    }
    pieces.push(new Int16Array((SAMPLE_RATE * TAIL_MS) / 1000));
    const samples = new Int16Array(at + pieces.at(-1)!.length);
    let offset = 0;
    for (const piece of pieces) {
      samples.set(piece, offset);
      offset += piece.length;
    }
    const file = `clip-${index + 1}.wav`;
    await writeFile(path.join(outDir, file), encodeWavPcm16([samples], SAMPLE_RATE));
    clips.push({ file, voice, text, words });
  }
  const manifest = {
    made: `npx tsx tools/word-alignment/make-clips.ts (${tools})`,
    sampleRate: SAMPLE_RATE,
    clips,
  };
  await writeFile(path.join(outDir, 'clips.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${clips.length} clips to ${outDir}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
