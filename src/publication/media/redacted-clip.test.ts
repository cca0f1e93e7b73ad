import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../../test/helpers/cli-process.ts';
import { ClipRequestError } from './redaction-spans.ts';
import { OUTPUT_SAMPLE_RATE, writeRedactedClip } from './redacted-clip.ts';
import {
  decodeChannel,
  integratedLoudness,
  medianPitch,
  probeTagsAndDuration,
  rms,
  toneShare,
} from './testing/pcm-analysis.ts';

// A demo call (85.6 s, stereo Ogg Opus): the soldier speaks on lane 0 at 0.6–4.09 s and
// 8.76–11.98 s, his mother on lane 1 at 4.61–8.36 s (demo/ground-truth).
const call = path.join(repositoryRoot, 'demo', 'calls', '20220306_194211_+380501734482_+79161234567.ogg');
const CALL_SECONDS = 85.6265;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-clip-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const out = (name: string) => ({ wav: path.join(dir, `${name}.wav`), mp3: path.join(dir, `${name}.mp3`) });
const RATE = OUTPUT_SAMPLE_RATE;

describe('writeRedactedClip', () => {
  it('blanks each span with a tone or silence, keeps the speech around it, and normalises to -16 LUFS', async () => {
    const files = out('redacted');
    const clip = await writeRedactedClip({
      source: call,
      from: 0.6,
      to: 12,
      marginSeconds: 1,
      redactions: [
        { start: 1.5, end: 2.5, mode: 'tone' },
        { start: 9.5, end: 10.5, mode: 'silence' },
      ],
      out: files,
    });
    // The margin before 0.6 s is clamped to the call's start.
    expect(clip.clipStart).toBe(0);
    expect(clip.clipEnd).toBe(13);
    expect(clip.spans).toEqual([
      { start: 1.42, end: 2.58, mode: 'tone' },
      { start: 9.42, end: 10.58, mode: 'silence' },
    ]);
    for (const file of [files.wav, files.mp3]) {
      for (const channel of [0, 1]) {
        const samples = await decodeChannel(file, channel, RATE);
        expect(toneShare(samples, RATE, 1.45, 2.55, 1000)).toBeGreaterThan(0.97);
        expect(rms(samples, RATE, 9.45, 10.55)).toBeLessThan(0.001);
      }
      const soldier = await decodeChannel(file, 0, RATE);
      // Speech on both sides of the tone and before the silence is still there, and not a tone.
      for (const [from, to] of [
        [0.6, 1.3],
        [2.7, 4.0],
        [8.8, 9.3],
      ] as const) {
        expect(rms(soldier, RATE, from, to)).toBeGreaterThan(0.02);
        expect(toneShare(soldier, RATE, from, to, 1000)).toBeLessThan(0.2);
      }
      expect(Math.abs((await integratedLoudness(file)) + 16)).toBeLessThanOrEqual(1);
    }
    const wav = await probeTagsAndDuration(files.wav);
    const mp3 = await probeTagsAndDuration(files.mp3);
    expect(wav.tags).toEqual({});
    expect(mp3.tags).toEqual({});
    expect(wav.durationSeconds).toBeCloseTo(13, 2);
    expect(Math.abs(mp3.durationSeconds - 13)).toBeLessThan(0.06);
    // No container text: no ID3 frame, no RIFF INFO list, no muxer name.
    for (const file of [files.wav, files.mp3]) {
      const bytes = fs.readFileSync(file);
      for (const marker of ['ID3', 'TAG', 'LIST', 'INFO', 'Lavf', 'Lavc', 'Xing', 'Info']) {
        expect(bytes.includes(Buffer.from(marker)), `${path.basename(file)} holds ${marker}`).toBe(false);
      }
    }
  });

  it('reaches -16 LUFS on a quiet, peaky 8 kHz mono AMR call (gain and peak limiter before loudnorm), its one lane disguised', async () => {
    const amr = path.join(repositoryRoot, 'demo', 'calls', '20240512_200733_+79024417730_+79024417791.amr');
    const files = out('amr');
    const clip = await writeRedactedClip({
      source: amr,
      from: 1,
      to: 20,
      marginSeconds: 0.5,
      redactions: [{ start: 3, end: 3.5, mode: 'silence' }],
      disguise: { lanes: [0] },
      out: files,
    });
    expect(clip.channels).toBe(1);
    expect(clip.loudness.limiterGainDb).toBeGreaterThan(0);
    for (const file of [files.wav, files.mp3]) {
      expect(Math.abs((await integratedLoudness(file)) + 16)).toBeLessThanOrEqual(1);
    }
    expect((await probeTagsAndDuration(files.wav)).channels).toBe(1);
  });

  it('clamps the margin at the end of the call', async () => {
    const files = out('end');
    const clip = await writeRedactedClip({
      source: call,
      from: 80,
      to: 85.5,
      marginSeconds: 2,
      redactions: [],
      out: files,
    });
    expect(clip.clipStart).toBe(78);
    expect(clip.clipEnd).toBeCloseTo(CALL_SECONDS, 3);
    expect((await probeTagsAndDuration(files.wav)).durationSeconds).toBeCloseTo(CALL_SECONDS - 78, 2);
  });

  it('disguises a lane: the pitch drops by the factor, the duration and the other lane stay', async () => {
    const plain = out('plain');
    const disguised = out('disguised');
    const request = { source: call, from: 0.6, to: 8.4, marginSeconds: 0, redactions: [] };
    await writeRedactedClip({ ...request, out: plain });
    const clip = await writeRedactedClip({
      ...request,
      disguise: { lanes: [0], pitch: 0.8 },
      out: disguised,
    });
    expect(clip.disguised).toEqual({ lanes: [0], pitch: 0.8, formant: 0.88 });
    const rate = 16_000;
    const soldierPlain = await decodeChannel(plain.wav, 0, rate);
    const soldierDisguised = await decodeChannel(disguised.wav, 0, rate);
    expect(soldierDisguised.length).toBe(soldierPlain.length);
    const ratio = medianPitch(soldierDisguised, rate) / medianPitch(soldierPlain, rate);
    expect(ratio).toBeGreaterThan(0.72);
    expect(ratio).toBeLessThan(0.88);
    // The mother's lane (1) is not disguised: her pitch is unchanged.
    const motherRatio =
      medianPitch(await decodeChannel(disguised.wav, 1, rate), rate) /
      medianPitch(await decodeChannel(plain.wav, 1, rate), rate);
    expect(Math.abs(motherRatio - 1)).toBeLessThan(0.03);
    // The words stay where they were: the soldier is silent while his mother speaks (5–8 s).
    expect(rms(soldierDisguised, rate, 0.2, 3.4)).toBeGreaterThan(0.02);
    expect(rms(soldierDisguised, rate, 4.6, 7.6)).toBeLessThan(rms(soldierDisguised, rate, 0.2, 3.4) / 10);
  });

  it('disguises the whole mix into one mono lane and still redacts', async () => {
    const files = out('mix');
    const clip = await writeRedactedClip({
      source: call,
      from: 4.6,
      to: 8.4,
      marginSeconds: 0,
      redactions: [{ start: 6, end: 6.5, mode: 'tone' }],
      disguise: { lanes: 'mix' },
      out: files,
    });
    expect(clip.channels).toBe(1);
    const probe = await probeTagsAndDuration(files.wav);
    expect(probe.channels).toBe(1);
    expect(probe.durationSeconds).toBeCloseTo(3.8, 2);
    const samples = await decodeChannel(files.wav, 0, RATE);
    // The tone is added after the disguise: it is still 1 kHz.
    expect(toneShare(samples, RATE, 1.35, 1.95, 1000)).toBeGreaterThan(0.97);
  });

  it('refuses a selection or lane that does not fit the call, and writes nothing', async () => {
    const files = out('refused');
    const base = { source: call, marginSeconds: 0.5, redactions: [], out: files };
    await expect(writeRedactedClip({ ...base, from: 90, to: 95 })).rejects.toThrow(/beyond the call/);
    await expect(writeRedactedClip({ ...base, from: 5, to: 5 })).rejects.toThrow(/empty/);
    await expect(writeRedactedClip({ ...base, from: 1, to: 2, disguise: { lanes: [2] } })).rejects.toThrow(
      ClipRequestError,
    );
    await expect(
      writeRedactedClip({ ...base, from: 1, to: 2, redactions: [{ start: 1.6, end: 1.5, mode: 'tone' }] }),
    ).rejects.toThrow(/end after it starts/);
    expect(fs.existsSync(files.wav) || fs.existsSync(files.mp3)).toBe(false);
  });
});
