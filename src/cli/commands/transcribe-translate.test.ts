import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli-process.ts';
import {
  demoDir,
  pipelineTestModelsDir,
  TEST_ASR_MODEL,
  TEST_TRANSLATION_MODEL,
} from '../../../test/helpers/speech-models.ts';

// `earshot transcribe FILE --translate` as a user runs it: a real process, the shared speech
// models and the committed Marian fixture (trained on the demo corpus only) in one models folder.
const FIXTURE_MODEL = TEST_TRANSLATION_MODEL;

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-transcribe-translate-'));
const modelsDir = path.join(workDir, 'models');
const dataDir = path.join(workDir, 'data');
fs.mkdirSync(modelsDir);
fs.mkdirSync(dataDir);
const installed = pipelineTestModelsDir();
for (const name of ['silero-vad-v6.2', TEST_ASR_MODEL, FIXTURE_MODEL]) {
  fs.symlinkSync(path.join(installed, name), path.join(modelsDir, name), 'dir');
}

const env = { EARSHOT_DATA_DIR: dataDir, EARSHOT_MODELS_DIR: modelsDir, EARSHOT_ASR_MODEL: TEST_ASR_MODEL };
const call = path.join(demoDir, 'calls', 'intercept_0007.ogg');

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

interface JsonSegment {
  lane: string;
  text: string;
  translation: { text: string | null; model: string | null; modelSha256: string | null; status: string };
}

const CYRILLIC = /[\u0400-\u04FF]/u;

describe('earshot transcribe --translate', () => {
  it('--json gives every segment an English machine translation with its model and checksum', async () => {
    const { code, output } = await runCli(
      ['transcribe', call, '--translate', '--translation-model', FIXTURE_MODEL, '--json', '--threads', '1'],
      env,
    );
    expect(code, output).toBe(0);
    const result = JSON.parse(output) as { segments: JsonSegment[] };
    expect(result.segments.length).toBeGreaterThan(5);
    const checksums = new Set<string | null>();
    for (const s of result.segments) {
      expect(s.text).toMatch(CYRILLIC);
      expect(s.translation.status, s.text).toBe('translated');
      expect(s.translation.model).toBe(FIXTURE_MODEL);
      expect(s.translation.text).toMatch(/[A-Za-z]/);
      expect(s.translation.text).not.toMatch(CYRILLIC);
      checksums.add(s.translation.modelSha256);
    }
    expect([...checksums]).toHaveLength(1);
    expect([...checksums][0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints the English line under each Russian segment, marked as machine translation', async () => {
    const { code, output } = await runCli(
      ['transcribe', call, '--translate', '--translation-model', FIXTURE_MODEL, '--threads', '1'],
      env,
    );
    expect(code, output).toBe(0);
    const lines = output.split('\n');
    const segmentLines = lines.flatMap((line, i) => (line.startsWith('[') ? [i] : []));
    expect(segmentLines.length).toBeGreaterThan(5);
    for (const i of segmentLines) {
      expect(lines[i]).toMatch(CYRILLIC);
      expect(lines[i + 1]).toMatch(
        new RegExp(`^ +EN, machine translation \\(${FIXTURE_MODEL}\\): [^\\u0400-\\u04FF]*[A-Za-z]`),
      );
    }
  });

  it('names the install command when the translation model is missing, before recognising', async () => {
    const missing = await runCli(['transcribe', call, '--translate', '--json'], env);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('translation model "opus-mt-ru-en" is not installed');
    expect(missing.output).toContain('earshot models install opus-mt-ru-en');

    const named = await runCli(
      ['transcribe', call, '--translate', '--translation-model', 'opus-mt-uk-en'],
      env,
    );
    expect(named.code).toBe(2);
    expect(named.output).toContain('earshot models install opus-mt-uk-en');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
