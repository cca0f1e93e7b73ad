import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDir } from '../../test/helpers/speech-models.ts';
import { ffmpegPath } from '../media/ffmpeg-binaries.ts';
import {
  alignAt,
  bestAlignment,
  indexTerms,
  MATCH_SCORE,
  MIN_OVERLAP_ITEMS,
  SILENCE_ITEM,
} from './alignment.ts';
import { fingerprintFile } from './fpcalc-engine.ts';

// The alignment on a real Chromaprint fingerprint (the first side of a demo call, through fpcalc).

let scratch: string;
let items: Uint32Array;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-alignment-'));
  const wav = path.join(scratch, 'side.wav');
  const source = path.join(demoDir, 'calls', fs.readdirSync(path.join(demoDir, 'calls')).sort()[0]!);
  execFileSync(ffmpegPath(), ['-v', 'error', '-i', source, '-af', 'pan=mono|c0=c0', '-ar', '16000', wav]);
  items = (await fingerprintFile(wav)).items;
});

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** Deterministic pseudo-random items: unrelated "audio". */
function randomItems(count: number, seed = 1): Uint32Array {
  const out = new Uint32Array(count);
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x;
  }
  return out;
}

describe('alignment', () => {
  it('finds the offset of an excerpt, with a perfect score', () => {
    expect(items.length).toBeGreaterThan(300);
    const excerpt = items.slice(37, 237);
    const found = bestAlignment(items, excerpt);
    expect(found).toMatchObject({ offsetItems: 37, overlapItems: 200, score: 1 });
    // And the other way round: the whole call starts 37 items before the excerpt.
    expect(bestAlignment(excerpt, items)).toMatchObject({ offsetItems: -37, score: 1 });
  });

  it('scores unrelated items near 0, below the lead threshold', () => {
    const unrelated = randomItems(items.length);
    const at = alignAt(items, unrelated, 0);
    expect(at!.score).toBeLessThan(0.1);
    expect(bestAlignment(items, unrelated)?.score ?? 0).toBeLessThan(MATCH_SCORE);
  });

  it('leaves out positions where both sides are silent, and indexes no silence', () => {
    const silence = new Uint32Array(400).fill(SILENCE_ITEM);
    // Two silent recordings would otherwise be "identical".
    expect(alignAt(silence, silence, 0)).toBeUndefined();
    expect(indexTerms(silence)).toEqual([]);
    // Silence against speech counts: the speaking side differs from it.
    const half = Uint32Array.from([...silence.slice(0, 200), ...items.slice(0, 200)]);
    const againstSilence = alignAt(half, silence.slice(0, 400), 0)!;
    expect(againstSilence.score).toBeLessThan(MATCH_SCORE);
  });

  it('needs MIN_OVERLAP_ITEMS of compared (not both silent) items', () => {
    const sound = randomItems(300, 7);
    expect(alignAt(sound, sound.slice(0, MIN_OVERLAP_ITEMS - 1), 0)).toBeUndefined();
    expect(alignAt(sound, sound.slice(0, MIN_OVERLAP_ITEMS), 0)?.score).toBe(1);
    // The call's first 64 items include silence on this side: too little is left to compare.
    expect(alignAt(items, items.slice(0, MIN_OVERLAP_ITEMS), 0)).toBeUndefined();
  });
});
