import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli-process.ts';
import { demoDir, speechTestEnv } from '../../../test/helpers/speech-models.ts';

// `earshot transcribe FILE` as a user runs it: a real process, real models, no database.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-transcribe-cli-'));
const env = { EARSHOT_DATA_DIR: dataDir, ...speechTestEnv() };
const call = path.join(demoDir, 'calls', 'intercept_0007.ogg');
const mono = path.join(demoDir, 'calls', '20240512_200733_+79024417730_+79024417791.amr');

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface JsonTranscription {
  channels: number;
  recogniser: { model: string; modelFiles: Record<string, string> };
  vad: { model: string };
  segments: { lane: string; start: number; end: number; text: string; words: { w: string }[] }[];
}

describe('earshot transcribe', () => {
  it('prints segments with lanes and mm:ss.s times, marked as machine output', async () => {
    const { code, output } = await runCli(['transcribe', call], env);
    expect(code, output).toBe(0);
    expect(output).toContain('intercept_0007.ogg: 2 channels');
    expect(output).toContain('Machine transcript (unreviewed): test-asr-ru, VAD silero-vad-v6.2');
    const lines = output.split('\n').filter((l) => l.startsWith('['));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines)
      expect(line).toMatch(/^\[\d\d:\d\d\.\d–\d\d:\d\d\.\d\] (caller|callee) +[а-я ]+$/);
    expect(lines.some((l) => l.includes('callee'))).toBe(true);
    // Nothing is written to the data directory: the file is not ingested.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('--json gives the segments, model and checksums for scripts', async () => {
    const { code, output } = await runCli(['transcribe', mono, '--json'], env);
    expect(code, output).toBe(0);
    const result = JSON.parse(output) as JsonTranscription;
    expect(result.channels).toBe(1);
    expect(result.recogniser.model).toBe('test-asr-ru');
    expect(result.recogniser.modelFiles['model.int8.onnx']).toMatch(/^906beafe/);
    expect(result.vad.model).toBe('silero-vad-v6.2');
    expect(result.segments.length).toBeGreaterThan(3);
    expect(new Set(result.segments.map((s) => s.lane))).toEqual(new Set(['speaker unknown']));
    expect(result.segments.map((s) => s.text).join(' ')).toContain('пятисотых');
    for (const s of result.segments) expect(s.words.map((w) => w.w).join(' ')).toBe(s.text);
  });

  it('names the install command when the model is missing, and rejects what is not audio', async () => {
    const missing = await runCli(['transcribe', call, '--model', 'gigaam-v2-ctc-ru'], env);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('earshot models install gigaam-v2-ctc-ru');

    const notAudio = path.join(dataDir, 'notes.wav');
    fs.writeFileSync(notAudio, 'these are not samples');
    const bad = await runCli(['transcribe', notAudio], env);
    fs.rmSync(notAudio);
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/notes\.wav: ffprobe could not read the file/);

    const absent = await runCli(['transcribe', path.join(dataDir, 'absent.ogg')], env);
    expect(absent.code).toBe(2);
    expect(absent.output).toContain('no such file');
  });
});
