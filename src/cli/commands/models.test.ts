import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MODELS } from '../../models/model-profile.ts';
import { missingModels } from '../../models/model-store.ts';
import { startRangeServer, type RangeServer } from '../../models/testing/range-server.ts';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';

const SHARED_MODELS = path.resolve(import.meta.dirname, '../../../../shared/models');

let root: string;
let modelsDir: string;
let env: NodeJS.ProcessEnv;
let server: RangeServer;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-models-'));
  modelsDir = path.join(root, 'models');
  // No DATABASE_URL: these commands must work without any database.
  env = { EARSHOT_DATA_DIR: path.join(root, 'data'), EARSHOT_MODELS_DIR: modelsDir };
  server = await startRangeServer();
});
afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function earshot(...args: string[]): Promise<CliResult> {
  return runEarshot(env, ...args);
}

function rowOf(table: string, name: string): string {
  return table.split('\n').find((line) => line.startsWith(`${name} `)) ?? '';
}

describe('earshot models', () => {
  it('lists the catalog with sizes, states and licences', async () => {
    const result = await earshot('models', 'list');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Models folder: ${modelsDir}`);
    expect(rowOf(result.out, 'gigaam-v2-ctc-ru')).toMatch(/asr\s+166\.9 MB\s+not installed\s+MIT/);
    expect(rowOf(result.out, 'whisper-base')).toMatch(/size unknown\s+not installed/);
    const json = JSON.parse((await earshot('models', 'list', '--json')).out) as {
      models: Array<{ name: string; install: { state: string } }>;
    };
    expect(json.models.find((m) => m.name === 'test-asr-ru')?.install.state).toBe('not-installed');
  });

  it('installs test-asr-ru --from the shared folder, lists it verified, verifies, prints its path', async () => {
    const install = await earshot(
      'models',
      'install',
      'test-asr-ru',
      '--from',
      path.join(SHARED_MODELS, 'test-asr-ru'),
    );
    expect(install.code).toBe(0);
    expect(install.out).toMatch(/Installed test-asr-ru in .*: verified/);
    expect(install.err).toMatch(/tokens\.txt: checksum ok/);
    expect(rowOf((await earshot('models', 'list')).out, 'test-asr-ru')).toContain('installed, verified');
    const verify = await earshot('models', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('test-asr-ru: ok (3 files)');
    const where = await earshot('models', 'path', 'test-asr-ru');
    expect(where.out.trim()).toBe(path.join(modelsDir, 'test-asr-ru'));
  });

  it('exits 1 from verify when an installed file was changed, naming the file', async () => {
    const vad = await earshot(
      'models',
      'install',
      'silero-vad-v6.2',
      '--from',
      path.join(SHARED_MODELS, 'silero-vad'),
    );
    expect(vad.code).toBe(0);
    const file = path.join(modelsDir, 'silero-vad-v6.2', 'silero_vad.onnx');
    const bytes = fs.readFileSync(file);
    bytes[1000] = (bytes[1000] ?? 0) ^ 1;
    fs.writeFileSync(file, bytes);
    const verify = await earshot('models', 'verify', 'silero-vad-v6.2');
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(
      /silero-vad-v6\.2: FAILED\n {2}silero_vad\.onnx: mismatch \(sha256 [0-9a-f]{64}, installed as 1a153a22/,
    );
    // Re-installing repairs it from the bundle.
    expect(
      (
        await earshot(
          'models',
          'install',
          'silero-vad-v6.2',
          '--from',
          path.join(SHARED_MODELS, 'silero-vad'),
        )
      ).code,
    ).toBe(0);
    expect((await earshot('models', 'verify', 'silero-vad-v6.2')).code).toBe(0);
  });

  it('downloads from a --mirror with progress lines and a checksum check', async () => {
    const body = fs.readFileSync(path.join(SHARED_MODELS, 'silero-vad', 'silero_vad_v5.onnx'));
    server.files.set('/mirror/silero-vad-v5/silero_vad_v5.onnx', { body, dropFirstResponseAfter: 1_000_000 });
    const first = await earshot(
      'models',
      'install',
      'silero-vad-v5',
      '--mirror',
      `${server.baseUrl}/mirror/`,
    );
    expect(first.code).toBe(2);
    expect(first.err).toMatch(/Run the same install command again to resume/);
    const partialRow = rowOf((await earshot('models', 'list')).out, 'silero-vad-v5');
    const partial = /partial download \(([\d.]+ [KM]B)\)/.exec(partialRow)?.[1];
    expect(partial, partialRow).toBeDefined();
    const second = await earshot(
      'models',
      'install',
      'silero-vad-v5',
      '--mirror',
      `${server.baseUrl}/mirror`,
    );
    expect(second.code).toBe(0);
    expect(second.err).toContain(`silero_vad_v5.onnx: resuming at ${partial ?? '?'}`);
    expect(second.err).toMatch(/silero_vad_v5\.onnx: 2\.3 MB of 2\.3 MB \(100 %\)/);
    expect(server.requests.filter((r) => r.range !== undefined).length).toBeGreaterThan(0);
    expect(second.out).toMatch(/Installed silero-vad-v5 .*verified/);
  });

  it('gives clear usage errors (exit 2): unknown model, fixture without --from, not installed, unverified', async () => {
    const unknown = await earshot('models', 'install', 'nonsense');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown model "nonsense"\. Known models: silero-vad-v5/);

    fs.rmSync(path.join(modelsDir, 'test-asr-ru'), { recursive: true, force: true });
    const fixture = await earshot('models', 'install', 'test-asr-ru');
    expect(fixture.code).toBe(2);
    expect(fixture.err).toMatch(/shared fixture with no download URL.*--from DIR/);

    const missing = await earshot('models', 'path', 'gigaam-v2-ctc-ru');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/not installed .*`earshot models install gigaam-v2-ctc-ru`/);
    const verifyMissing = await earshot('models', 'verify', 'gigaam-v2-ctc-ru');
    expect(verifyMissing.code).toBe(2);

    const unverified = await earshot('models', 'install', 'opus-mt-uk-en');
    expect(unverified.code).toBe(2);
    expect(unverified.err).toMatch(/no checksum is known .*--trust-unverified/);

    const both = await earshot(
      'models',
      'install',
      'silero-vad-v5',
      '--from',
      root,
      '--mirror',
      'http://127.0.0.1:1',
    );
    expect(both.code).toBe(2);
    expect(both.err).toContain('either --from or --mirror');
  });

  it('installs the configured models with --defaults under one progress bar, then says they are there', async () => {
    // The production defaults cannot be downloaded here: the same command installs the models a
    // configuration names, from an offline bundle holding a folder per model.
    const bundle = path.join(root, 'defaults-bundle');
    fs.mkdirSync(path.join(bundle, 'silero-vad-v5'), { recursive: true });
    fs.copyFileSync(
      path.join(SHARED_MODELS, 'silero-vad', 'silero_vad_v5.onnx'),
      path.join(bundle, 'silero-vad-v5', 'silero_vad_v5.onnx'),
    );
    fs.symlinkSync(path.join(SHARED_MODELS, 'test-asr-ru'), path.join(bundle, 'test-asr-ru'));
    fs.symlinkSync(
      path.join(DEMO_MODELS.dir, DEMO_MODELS.translation),
      path.join(bundle, DEMO_MODELS.translation),
    );
    const defaultsDir = path.join(root, 'defaults-models');
    const configured = {
      ...env,
      EARSHOT_MODELS_DIR: defaultsDir,
      EARSHOT_VAD_MODEL: 'silero-vad-v5',
      EARSHOT_ASR_MODEL: 'test-asr-ru',
      EARSHOT_TRANSLATION_MODEL: DEMO_MODELS.translation,
    };
    const first = await runEarshot(configured, 'models', 'install', '--defaults', '--from', bundle);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/Installing silero-vad-v5, test-asr-ru, marian-ru-en-test \(31\.4 MB\)/);
    // One bar over all files: only "default models" lines, ending at the whole total.
    const bars = first.err.split('\n').filter((line) => /\d %\)/.test(line));
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.every((line) => line.startsWith('default models: '))).toBe(true);
    expect(bars.at(-1)).toMatch(/31\.4 MB of 31\.4 MB \(100 %\)/);
    expect(first.out.match(/^Installed /gm)).toHaveLength(3);
    expect(missingModels(defaultsDir, ['silero-vad-v5', 'test-asr-ru', DEMO_MODELS.translation])).toEqual([]);

    const again = await runEarshot(configured, 'models', 'install', '--defaults', '--from', bundle);
    expect(again.code).toBe(0);
    expect(again.out).toContain('The default models are installed');
    expect(again.err).toContain('test-asr-ru: already installed');

    const both = await runEarshot(configured, 'models', 'install', 'test-asr-ru', '--defaults');
    expect(both.code).toBe(2);
    expect(both.err).toContain('a model name or --defaults, not both');
    const neither = await runEarshot(configured, 'models', 'install');
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('or use --defaults');
  });
});
