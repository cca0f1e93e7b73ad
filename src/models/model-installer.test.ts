import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCatalogModel } from './catalog.ts';
import type { CatalogModel, ModelFile } from './catalog-types.ts';
import { ChecksumMismatchError, installModel } from './model-installer.ts';
import {
  MANIFEST_FILE,
  ModelNotInstalledError,
  UnknownModelError,
  modelInstallState,
  readManifest,
  resolveModel,
} from './model-store.ts';
import { verifyModel } from './model-verifier.ts';
import { startRangeServer, type RangeServer } from './testing/range-server.ts';

const SHARED_MODELS = path.resolve(import.meta.dirname, '../../../shared/models');

let server: RangeServer;
let root: string;

beforeAll(async () => {
  server = await startRangeServer();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-models-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function sha256(buffer: Buffer): string {
  return crypto.createHash('sha256').update(buffer).digest('hex');
}

function servedFile(urlPath: string, body: Buffer, overrides: Partial<ModelFile> = {}): ModelFile {
  return {
    name: path.basename(urlPath),
    url: `${server.baseUrl}${urlPath}`,
    sizeBytes: body.length,
    sha256: sha256(body),
    checksumSource: 'publisher',
    ...overrides,
  };
}

function testModel(name: string, files: ModelFile[]): CatalogModel {
  return {
    name,
    task: 'asr',
    engine: 'sherpa-onnx/nemo-ctc',
    languages: ['ru'],
    description: 'test',
    licence: 'test',
    sourcePage: 'test',
    source: 'download',
    files,
  };
}

function freshModelsDir(label: string): string {
  return fs.mkdtempSync(path.join(root, `${label}-`));
}

describe('installModel by download', () => {
  it('downloads, checks, renames into place and writes a manifest that resolveModel reads', async () => {
    const model = crypto.randomBytes(200_000);
    const tokens = Buffer.from('▁ 0\nа 1\n<blk> 2\n');
    server.files.set('/full/model.onnx', { body: model });
    server.files.set('/full/tokens.txt', { body: tokens });
    const entry = testModel('full', [
      servedFile('/full/model.onnx', model),
      servedFile('/full/tokens.txt', tokens),
    ]);
    const modelsDir = freshModelsDir('full');
    const result = await installModel(entry, { modelsDir, now: () => new Date('2025-01-02T03:04:05Z') });

    expect(result.manifest.trust).toBe('verified');
    expect(result.manifest.installedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(fs.readFileSync(path.join(modelsDir, 'full', 'model.onnx')).equals(model)).toBe(true);
    expect(fs.existsSync(path.join(modelsDir, 'full', '.download'))).toBe(false);
    const resolved = resolveModel({ modelsDir }, 'full', [entry]);
    expect(resolved.filePath('tokens.txt')).toBe(path.join(modelsDir, 'full', 'tokens.txt'));
    expect(resolved.files.map((f) => f.sha256)).toEqual([sha256(model), sha256(tokens)]);
    expect(modelInstallState(modelsDir, entry)).toMatchObject({ state: 'installed', trust: 'verified' });

    // A second install keeps the files that still match and downloads nothing.
    const before = server.requests.length;
    const again = await installModel(entry, { modelsDir });
    expect(again.keptFiles).toEqual(['model.onnx', 'tokens.txt']);
    expect(server.requests.length).toBe(before);
  });

  it('resumes an interrupted download on the next install, with a Range request', async () => {
    const body = crypto.randomBytes(400_000);
    server.files.set('/resume/big.onnx', { body, dropFirstResponseAfter: 200_000 });
    const entry = testModel('resume', [servedFile('/resume/big.onnx', body)]);
    const modelsDir = freshModelsDir('resume');
    await expect(installModel(entry, { modelsDir })).rejects.toThrow(
      /Run the same install command again to resume/,
    );
    expect(readManifest(path.join(modelsDir, 'resume'))).toBeNull();
    const state = modelInstallState(modelsDir, entry);
    expect(state.state).toBe('partial');
    expect(() => resolveModel({ modelsDir }, 'resume', [entry])).toThrow(ModelNotInstalledError);

    const result = await installModel(entry, { modelsDir });
    expect(result.manifest.files[0]?.sha256).toBe(sha256(body));
    const ranges = server.requests.filter((r) => r.path === '/resume/big.onnx').map((r) => r.range);
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBeUndefined();
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(ranges[1] ?? '')?.[0])).toBe(
      state.state === 'partial' ? state.partialBytes : -1,
    );
  });

  it('deletes a download whose checksum does not match, installs nothing, and names both values', async () => {
    const expected = crypto.randomBytes(50_000);
    const served = crypto.randomBytes(50_000);
    server.files.set('/bad/model.onnx', { body: served });
    const entry = testModel('bad', [servedFile('/bad/model.onnx', expected)]);
    const modelsDir = freshModelsDir('bad');
    const attempt = installModel(entry, { modelsDir });
    await expect(attempt).rejects.toBeInstanceOf(ChecksumMismatchError);
    await expect(installModel(entry, { modelsDir })).rejects.toThrow(
      new RegExp(`sha256 ${sha256(served)}, expected ${sha256(expected)}.*deleted`),
    );
    const dir = path.join(modelsDir, 'bad');
    expect(fs.existsSync(path.join(dir, 'model.onnx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '.download', 'model.onnx.partial'))).toBe(false);
    expect(fs.existsSync(path.join(dir, MANIFEST_FILE))).toBe(false);
  });

  it('reports a 404 and leaves the model not installed', async () => {
    const entry = testModel('gone', [servedFile('/gone/model.onnx', Buffer.from('x'))]);
    const modelsDir = freshModelsDir('gone');
    await expect(installModel(entry, { modelsDir })).rejects.toThrow(/HTTP 404/);
    expect(modelInstallState(modelsDir, entry).state).toBe('not-installed');
  });

  it('refuses files without any checksum unless trusted, then records them as unverified', async () => {
    const body = Buffer.from('{"model_type":"marian"}');
    server.files.set('/plain/config.json', { body });
    const entry = testModel('plain', [
      servedFile('/plain/config.json', body, { sha256: null, sizeBytes: null, checksumSource: 'unverified' }),
    ]);
    const modelsDir = freshModelsDir('plain');
    await expect(installModel(entry, { modelsDir })).rejects.toThrow(/--trust-unverified/);
    expect(server.requests.some((r) => r.path === '/plain/config.json')).toBe(false);
    const result = await installModel(entry, { modelsDir, trustUnverified: true });
    expect(result.manifest.trust).toBe('trusted-unverified');
    expect(result.manifest.files[0]?.sha256).toBe(sha256(body));
    expect((await verifyModel(modelsDir, entry)).status).toBe('ok');
  });

  it('checks a SHA-1-only file (as whisper.cpp publishes) and rejects a wrong one', async () => {
    const body = crypto.randomBytes(10_000);
    server.files.set('/sha1/ggml.bin', { body });
    const sha1 = crypto.createHash('sha1').update(body).digest('hex');
    const good = testModel('sha1-good', [servedFile('/sha1/ggml.bin', body, { sha256: null, sha1 })]);
    const bad = testModel('sha1-bad', [
      servedFile('/sha1/ggml.bin', body, { sha256: null, sha1: '0'.repeat(40) }),
    ]);
    const modelsDir = freshModelsDir('sha1');
    expect((await installModel(good, { modelsDir })).manifest.trust).toBe('verified');
    await expect(installModel(bad, { modelsDir })).rejects.toThrow(/sha1 [0-9a-f]{40}, expected 0{40}/);
  });

  it('unpacks only the catalogued members of a verified tar.bz2 archive', async () => {
    const work = fs.mkdtempSync(path.join(root, 'archive-src-'));
    fs.mkdirSync(path.join(work, 'pkg', 'test_wavs'), { recursive: true });
    fs.writeFileSync(path.join(work, 'pkg', 'model.int8.onnx'), crypto.randomBytes(30_000));
    fs.writeFileSync(path.join(work, 'pkg', 'tokens.txt'), 'а 1\n');
    fs.writeFileSync(path.join(work, 'pkg', 'test_wavs', '0.wav'), 'not needed');
    execFileSync('tar', ['-cjf', path.join(work, 'pkg.tar.bz2'), '-C', work, 'pkg']);
    const archive = fs.readFileSync(path.join(work, 'pkg.tar.bz2'));
    server.files.set('/archive/pkg.tar.bz2', { body: archive });
    const entry = testModel('archived', [
      servedFile('/archive/pkg.tar.bz2', archive, {
        archive: {
          format: 'tar.bz2',
          members: { 'pkg/model.int8.onnx': 'model.int8.onnx', 'pkg/tokens.txt': 'tokens.txt' },
        },
      }),
    ]);
    const modelsDir = freshModelsDir('archive');
    const result = await installModel(entry, { modelsDir });
    const dir = path.join(modelsDir, 'archived');
    expect(fs.readdirSync(dir).sort()).toEqual([MANIFEST_FILE, 'model.int8.onnx', 'tokens.txt']);
    expect(result.manifest.files.map((f) => f.name)).toEqual(['model.int8.onnx', 'tokens.txt']);
    expect(resolveModel({ modelsDir }, 'archived', [entry]).filePath('tokens.txt')).toBe(
      path.join(dir, 'tokens.txt'),
    );
  });
});

describe('installModel --from an offline bundle (../shared/models)', () => {
  const asr = findCatalogModel('test-asr-ru');
  const vad = findCatalogModel('silero-vad-v5');

  it('installs test-asr-ru and silero-vad-v5 from the shared folders, verifies, and detects damage', async () => {
    if (!asr || !vad) throw new Error('catalog lacks the shared fixtures');
    const modelsDir = freshModelsDir('bundle');
    await installModel(asr, { modelsDir, fromDir: path.join(SHARED_MODELS, 'test-asr-ru') });
    await installModel(vad, { modelsDir, fromDir: path.join(SHARED_MODELS, 'silero-vad') });
    expect((await verifyModel(modelsDir, asr)).status).toBe('ok');
    expect((await verifyModel(modelsDir, vad)).status).toBe('ok');
    const resolved = resolveModel({ modelsDir }, 'test-asr-ru');
    expect(resolved.engine).toBe('sherpa-onnx/nemo-ctc');
    expect(resolved.files.find((f) => f.name === 'model.int8.onnx')?.sha256).toBe(
      '906beafec40e099e98ff02af11c8576eebd671606d37ca456b00d60315b3cea7',
    );

    // Flip one byte: same size, so only re-hashing (verify) can notice.
    const tokens = resolved.filePath('tokens.txt');
    const bytes = fs.readFileSync(tokens);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    fs.writeFileSync(tokens, bytes);
    const report = await verifyModel(modelsDir, asr);
    expect(report.status).toBe('failed');
    expect(report.files.find((f) => f.name === 'tokens.txt')).toMatchObject({ status: 'mismatch' });

    fs.rmSync(tokens);
    expect(() => resolveModel({ modelsDir }, 'test-asr-ru')).toThrow(
      /tokens\.txt is missing.*`earshot models install test-asr-ru`/,
    );
    expect((await verifyModel(modelsDir, asr)).files.find((f) => f.name === 'tokens.txt')?.status).toBe(
      'missing',
    );
  });

  it('names the missing file and where it looked when the bundle lacks one', async () => {
    if (!asr) throw new Error('catalog lacks test-asr-ru');
    const bundle = fs.mkdtempSync(path.join(root, 'partial-bundle-'));
    fs.copyFileSync(path.join(SHARED_MODELS, 'test-asr-ru', 'tokens.txt'), path.join(bundle, 'tokens.txt'));
    const modelsDir = freshModelsDir('partial-bundle');
    await expect(installModel(asr, { modelsDir, fromDir: bundle })).rejects.toThrow(
      new RegExp(
        `has no model\\.int8\\.onnx for "test-asr-ru" \\(looked for .*${path.basename(bundle)}/test-asr-ru/model\\.int8\\.onnx`,
      ),
    );
    expect(modelInstallState(modelsDir, asr).state).not.toBe('installed');
  });

  it('rejects a bundle file with the wrong checksum and leaves the bundle untouched', async () => {
    if (!vad) throw new Error('catalog lacks silero-vad-v5');
    const bundle = fs.mkdtempSync(path.join(root, 'bad-bundle-'));
    // The v6.2 file under the v5 name: same size, different bytes.
    fs.copyFileSync(
      path.join(SHARED_MODELS, 'silero-vad', 'silero_vad.onnx'),
      path.join(bundle, 'silero_vad_v5.onnx'),
    );
    const modelsDir = freshModelsDir('bad-bundle');
    await expect(installModel(vad, { modelsDir, fromDir: bundle })).rejects.toThrow(
      /checksum mismatch for silero_vad_v5\.onnx \(the bundle copy\): sha256 1a153a22/,
    );
    expect(fs.existsSync(path.join(bundle, 'silero_vad_v5.onnx'))).toBe(true);
    expect(fs.existsSync(path.join(modelsDir, 'silero-vad-v5', 'silero_vad_v5.onnx'))).toBe(false);
  });

  it('refuses a bundle folder that does not exist', async () => {
    if (!vad) throw new Error('catalog lacks silero-vad-v5');
    await expect(
      installModel(vad, { modelsDir: freshModelsDir('nobundle'), fromDir: path.join(root, 'no-such-stick') }),
    ).rejects.toThrow(/no-such-stick does not exist/);
  });
});

describe('resolveModel', () => {
  it('names the install command for a catalogued model that is not installed', () => {
    expect(() => resolveModel({ modelsDir: path.join(root, 'empty') }, 'gigaam-v2-ctc-ru')).toThrow(
      /model "gigaam-v2-ctc-ru" is not installed in .*empty.*`earshot models install gigaam-v2-ctc-ru`/,
    );
  });

  it('rejects names that are not in the catalog', () => {
    expect(() => resolveModel({ modelsDir: root }, 'gpt-5')).toThrow(UnknownModelError);
  });
});
