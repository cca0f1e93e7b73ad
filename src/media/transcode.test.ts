import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDataDir, makeAudioFile } from '../../test/helpers/recordings.ts';
import { ffprobePath } from './ffmpeg-binaries.ts';
import { MediaDecodeError, makeWorkingCopies, probeAudio } from './transcode.ts';

const dir = createTestDataDir('transcode');
afterAll(() => dir.remove());

function probe(file: string): { channels: number; sample_rate: string; codec_name: string } {
  const out = execFileSync(ffprobePath(), ['-v', 'error', '-show_streams', '-of', 'json', file], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { streams: { channels: number; sample_rate: string; codec_name: string }[] })
    .streams[0]!;
}

describe('makeWorkingCopies', () => {
  it('makes one 16 kHz mono PCM16 WAV per channel, each with its own channel', async () => {
    const input = path.join(dir.dataDir, 'stereo.wav');
    makeAudioFile(input, 'stereo');
    fs.chmodSync(input, 0o444);
    const before = fs.readFileSync(input);

    const result = await makeWorkingCopies({ inputPath: input, outputDir: path.join(dir.derivedDir, 'a') });

    expect(result.input.channels).toBe(2);
    expect(result.copies.map((c) => path.basename(c.path))).toEqual(['ch0.wav', 'ch1.wav']);
    for (const copy of result.copies) {
      expect(probe(copy.path)).toMatchObject({ channels: 1, sample_rate: '16000', codec_name: 'pcm_s16le' });
      expect(copy.durationSeconds).toBeCloseTo(2, 1);
      expect(copy.sizeBytes).toBe(fs.statSync(copy.path).size);
    }
    // Left is a pure tone, right is noise: the copies must differ.
    expect(result.copies[0]!.sha256).not.toBe(result.copies[1]!.sha256);
    expect(result.ffmpegArgs.join(' ')).toContain('resampler=soxr');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.statSync(input).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(path.join(dir.derivedDir, 'a')).sort()).toEqual(['ch0.wav', 'ch1.wav']);
  });

  it('gives byte-identical copies for the same input and replaces existing ones', async () => {
    const input = path.join(dir.dataDir, 'mono.wav');
    makeAudioFile(input, 'mono');
    const outputDir = path.join(dir.derivedDir, 'b');
    const first = await makeWorkingCopies({ inputPath: input, outputDir });
    fs.writeFileSync(first.copies[0]!.path, 'stale');
    const second = await makeWorkingCopies({ inputPath: input, outputDir });
    expect(second.copies).toHaveLength(1);
    expect(second.copies[0]!.sha256).toBe(first.copies[0]!.sha256);
    expect(fs.readFileSync(second.copies[0]!.path).subarray(0, 4).toString()).toBe('RIFF');
  });

  it('rejects corrupt input with a reason and leaves no files behind', async () => {
    const input = path.join(dir.dataDir, 'corrupt.wav');
    makeAudioFile(input, 'corrupt');
    const outputDir = path.join(dir.derivedDir, 'c');
    await expect(makeWorkingCopies({ inputPath: input, outputDir })).rejects.toThrow(MediaDecodeError);
    expect(fs.existsSync(outputDir) ? fs.readdirSync(outputDir) : []).toEqual([]);
  });

  it('probeAudio reports channels and sample rate', async () => {
    const input = path.join(dir.dataDir, 'stereo2.wav');
    makeAudioFile(input, 'stereo', 1);
    await expect(probeAudio(input)).resolves.toMatchObject({
      channels: 2,
      sampleRate: 8000,
      codec: 'pcm_s16le',
    });
  });
});
