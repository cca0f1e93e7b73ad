import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copiedFrom,
  randomSpeakerModel,
  randomWhisperGgml,
  tarBzip2Of,
  withBundleChecksums,
  type BundleWriter,
} from '../../test/helpers/catalog-bundles.ts';
import { runEarshot } from '../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTestDataDir, insertRecording, type TestDataDir } from '../../test/helpers/recordings.ts';
import { demoDir, pipelineTestModelsDir, sharedModelsDir } from '../../test/helpers/speech-models.ts';
import { cutTwoLaneDemoCall } from '../../test/helpers/test-signals.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { decodeStage } from '../jobs/stages/decode.ts';
import { transcribeStage } from '../jobs/stages/transcribe.ts';
import { translateStage } from '../jobs/stages/translate.ts';
import { vadStage } from '../jobs/stages/vad.ts';
import type { StageHandler } from '../jobs/stage-handler.ts';
import { latestVadRun } from '../speech/vad-runs.ts';
import { readTranscriptVersion as readTranscript } from '../transcripts/transcript-store.ts';
import { openSegmentTranslator } from '../translation/segment-translator.ts';
import { findCatalogModel, modelCatalog } from './catalog.ts';
import type { CatalogModel } from './catalog-types.ts';
import { installModel } from './model-installer.ts';
import { DEMO_MODELS } from './model-profile.ts';
import { readManifest, resolveModel, type ResolvedModel } from './model-store.ts';

// "Installed" must mean "usable": every catalog model is installed from a folder shaped exactly
// like its download (`--from`), then the stage that uses it runs it on demo audio and records its
// name and installed checksums. Real weights where this machine has them (installed through the
// CLI, so the catalog's pinned checksums are checked); elsewhere stand-ins of the same format:
// test-asr-ru inside GigaAM's tar.bz2, the random test-micro ggml as every Whisper, the Marian demo
// model as each opus-mt, random-weight sherpa-onnx speaker models (tools/random-onnx).

interface CaseContext {
  modelsDir: string;
  installed: ResolvedModel;
}

interface CatalogCase {
  /** `real`: the published bytes (checksums pinned in the catalog); `stand-in`: same format, other bytes. */
  weights: 'real' | 'stand-in';
  bundle: BundleWriter;
  /** Runs the stage that uses the model and checks what it recorded. */
  run(context: CaseContext): Promise<void>;
}

const sileroDir = path.join(sharedModelsDir, 'silero-vad');
const testAsrDir = path.join(sharedModelsDir, 'test-asr-ru');
const marianDir = path.join(DEMO_MODELS.dir, DEMO_MODELS.translation);
const MONO_CALL = '20240512_200733_+79024417730_+79024417791.amr';

const CASES: Record<string, CatalogCase> = {
  'silero-vad-v5': { weights: 'real', bundle: copiedFrom(sileroDir), run: runVad },
  'silero-vad-v6.2': { weights: 'real', bundle: copiedFrom(sileroDir), run: runVad },
  'test-asr-ru': { weights: 'real', bundle: copiedFrom(testAsrDir), run: runNemoCtc },
  // GigaAM v2 is the same sherpa-onnx NeMo-CTC format: test-asr-ru's int8 weights and tokens.
  'gigaam-v2-ctc-ru': {
    weights: 'stand-in',
    bundle: tarBzip2Of((name) =>
      name === 'LICENSE' ? path.join(sileroDir, 'LICENSE') : path.join(testAsrDir, name),
    ),
    run: runNemoCtc,
  },
  // whisper.cpp reads the architecture from the ggml header, so the test-micro graph stands in.
  'whisper-large-v3-turbo': { weights: 'stand-in', bundle: randomWhisperGgml, run: runWhisper },
  'whisper-small': { weights: 'stand-in', bundle: randomWhisperGgml, run: runWhisper },
  'whisper-base': { weights: 'stand-in', bundle: randomWhisperGgml, run: runWhisper },
  'whisper-test-micro': { weights: 'real', bundle: randomWhisperGgml, run: runWhisper },
  'pyannote-segmentation-3.0': {
    weights: 'stand-in',
    bundle: randomSpeakerModel('pyannote-segmentation'),
    run: (c) => runDiarisation(c, 'speaker-embedding-wespeaker-campplus'),
  },
  'speaker-embedding-titanet-small': {
    weights: 'stand-in',
    bundle: randomSpeakerModel('nemo-embedding'),
    run: (c) => runDiarisation(c, 'pyannote-segmentation-3.0'),
  },
  'speaker-embedding-wespeaker-campplus': {
    weights: 'stand-in',
    bundle: randomSpeakerModel('wespeaker-embedding'),
    run: (c) => runDiarisation(c, 'pyannote-segmentation-3.0'),
  },
  // Xenova's opus-mt exports and the Marian demo model share the transformers.js layout.
  'opus-mt-ru-en': { weights: 'stand-in', bundle: copiedFrom(marianDir), run: runTranslateStage },
  'opus-mt-uk-en': { weights: 'stand-in', bundle: copiedFrom(marianDir), run: runUkrainianTranslation },
  'marian-ru-en-test': { weights: 'real', bundle: copiedFrom(marianDir), run: runTranslateStage },
};

let database: TestDatabase;
let store: TestDataDir;
let root: string;
let baseConfig: EarshotConfig;
/** Recording ids: 15 s of a two-lane call, 6 s of it for Whisper, and the mono demo call. */
const recordings = { speech: '', whisper: '', mono: '' };

beforeAll(async () => {
  database = await createTestDatabase('catalog_install_run');
  store = createTestDataDir('catalog-install-run');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-catalog-run-'));
  baseConfig = loadConfig({ EARSHOT_DATA_DIR: store.dataDir, EARSHOT_SPEECH_THREADS: '1' });
  // Decoded and cut into speech regions (and transcribed, for the translators) with the test models.
  const prepared = configFor(pipelineTestModelsDir(), {
    vadModel: 'silero-vad-v6.2',
    asrModel: 'test-asr-ru',
  });
  const sources = {
    speech: { file: cutTwoLaneDemoCall(path.join(root, 'speech.wav'), 15), channels: 2 },
    whisper: { file: cutTwoLaneDemoCall(path.join(root, 'whisper.wav'), 6), channels: 2 },
    mono: { file: path.join(demoDir, 'calls', MONO_CALL), channels: 1 },
  };
  for (const key of ['speech', 'whisper', 'mono'] as const) {
    const source = sources[key];
    const { id } = await insertRecording(database.db, store, source.file, { channels: source.channels });
    recordings[key] = id;
    await runStage(decodeStage, id, prepared);
    await runStage(vadStage, id, prepared);
  }
  await runStage(transcribeStage, recordings.speech, prepared);
}, 300_000);

afterAll(async () => {
  await database?.drop();
  store?.remove();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

function configFor(modelsDir: string, models: Partial<EarshotConfig> = {}): EarshotConfig {
  return { ...baseConfig, modelsDir, ...models };
}

async function runStage(stage: StageHandler, recordingId: string, config: EarshotConfig, force = false) {
  const outcome = await stage.run(
    { recordingId, force },
    { db: database.db, config, worker: 'catalog-test', jobId: 'catalog-test' },
  );
  await database.db.transaction().execute(async (trx) => outcome.record?.(trx));
  return outcome.result;
}

/** The installed checksums of the named files, by base name, read from the install manifest. */
function manifestChecksums(installed: ResolvedModel, names?: string[]): Record<string, string> {
  const records = readManifest(installed.dir)?.files ?? [];
  const wanted = names ? records.filter((r) => names.includes(r.name)) : records;
  return Object.fromEntries(wanted.map((r) => [path.basename(r.name), r.sha256]));
}

async function runVad({ modelsDir, installed }: CaseContext): Promise<void> {
  const result = await runStage(
    vadStage,
    recordings.speech,
    configFor(modelsDir, { vadModel: installed.name as EarshotConfig['vadModel'] }),
  );
  expect(result).toMatchObject({ model: installed.name, channels: 2 });
  expect(result.regions).toBeGreaterThan(2);
  const run = await latestVadRun(database.db, recordings.speech);
  expect(run?.model).toBe(installed.name);
  expect(run?.modelFiles).toEqual(manifestChecksums(installed));
}

const NEMO_FILES = ['model.int8.onnx', 'tokens.txt'];

async function runNemoCtc({ modelsDir, installed }: CaseContext): Promise<void> {
  const config = configFor(modelsDir, { asrModel: installed.name });
  expect(await runStage(transcribeStage, recordings.speech, config)).toMatchObject({ model: installed.name });
  const stored = await readTranscript(database.db, recordings.speech);
  expect(stored?.transcript).toMatchObject({ model: installed.name, language: 'ru' });
  expect(stored?.transcript.model_files).toEqual(manifestChecksums(installed, NEMO_FILES));
  expect(stored?.transcript.decoding).toMatchObject({ engine: 'sherpa-onnx', precision: 'int8' });
  expect(stored?.segments.map((s) => s.text).join(' ')).toMatch(/[а-яё]{3}/u);
}

async function runWhisper({ modelsDir, installed }: CaseContext): Promise<void> {
  const config = configFor(modelsDir, { asrModel: installed.name });
  expect(await runStage(transcribeStage, recordings.whisper, config)).toMatchObject({
    model: installed.name,
  });
  const stored = await readTranscript(database.db, recordings.whisper);
  expect(stored?.transcript.model).toBe(installed.name);
  expect(stored?.transcript.model_files).toEqual(manifestChecksums(installed));
  expect(stored?.transcript.decoding).toMatchObject({ engine: 'whisper.cpp', task: 'transcribe' });
  // Random weights: the text is garbage, but every speech region is read on its lane.
  expect(stored?.segments.length).toBeGreaterThan(0);
  for (const s of stored?.segments ?? []) expect(['caller', 'callee']).toContain(s.lane);
}

/** Diarisation needs both its models: the companion is installed (a stand-in) beside the one under test. */
async function runDiarisation({ modelsDir, installed }: CaseContext, companionName: string): Promise<void> {
  const companion = await installCatalogModel(findCatalogModel(companionName)!, modelsDir);
  fs.symlinkSync(
    path.join(pipelineTestModelsDir(), 'test-asr-ru'),
    path.join(modelsDir, 'test-asr-ru'),
    'dir',
  );
  const config = configFor(modelsDir, { asrModel: 'test-asr-ru' });
  expect(await runStage(transcribeStage, recordings.mono, config)).toMatchObject({ diarised: true });
  const [segmentation, embedding] =
    installed.task === 'diarisation-segmentation' ? [installed, companion] : [companion, installed];
  const stored = await readTranscript(database.db, recordings.mono);
  expect(stored?.transcript.decoding).toMatchObject({
    diarisation: {
      used: true,
      models: { segmentation: segmentation.name, embedding: embedding.name },
      modelFiles: { ...manifestChecksums(segmentation), ...manifestChecksums(embedding) },
    },
  });
  expect(stored?.segments.some((s) => /^speaker \d+$/.test(s.lane))).toBe(true);
}

/** What translations record as the model checksum: SHA-256 over the "path  sha256" lines, sorted by path. */
function translationDigest(installed: ResolvedModel): string {
  const lines = [...(readManifest(installed.dir)?.files ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) => `${f.name}  ${f.sha256}\n`)
    .join('');
  return createHash('sha256').update(lines).digest('hex');
}

async function runTranslateStage({ modelsDir, installed }: CaseContext): Promise<void> {
  const config = configFor(modelsDir, { translationModel: installed.name });
  const result = await runStage(translateStage, recordings.speech, config, true);
  expect(result).toMatchObject({ model: installed.name, unsupportedLanguage: 0 });
  expect(result.translated).toBeGreaterThan(0);
  const rows = await database.db
    .selectFrom('segment_translations')
    .selectAll()
    .where('model', '=', installed.name)
    .execute();
  expect(rows.length).toBe(result.translated);
  for (const row of rows) {
    expect(row).toMatchObject({ status: 'translated', model_sha256: translationDigest(installed) });
    expect(row.text).toMatch(/[a-z]/i);
  }
}

/** The transcripts here are Russian, so the Ukrainian model gets them labelled `uk`, through the stage's engine path. */
async function runUkrainianTranslation({ modelsDir, installed }: CaseContext): Promise<void> {
  const stored = await readTranscript(database.db, recordings.speech);
  const translator = await openSegmentTranslator(
    { modelsDir, model: installed.name, threads: 1, loadAudio: () => Promise.resolve([]) },
    (message) => new Error(message),
  );
  try {
    const segments = (stored?.segments ?? []).slice(0, 3).map((s) => ({
      id: String(s.id),
      text: s.text,
      language: 'uk',
      channel: s.channel,
      start: s.start_seconds,
      end: s.end_seconds,
    }));
    expect(segments.length).toBeGreaterThan(0);
    const translations = await translator.translate(segments);
    for (const t of translations) {
      expect(t).toMatchObject({ status: 'translated', model: installed.name });
      expect(t.status === 'translated' && t.modelSha256).toBe(translationDigest(installed));
    }
  } finally {
    await translator.close();
  }
}

/**
 * Writes the bundle and installs it: real weights through `earshot models install NAME --from
 * DIR` (checked against the catalog's pins); stand-ins through the installer given the catalog
 * entry with the stand-in's sizes and checksums, or the entry itself where it pins none.
 */
async function installCatalogModel(model: CatalogModel, modelsDir: string): Promise<ResolvedModel> {
  const testCase = CASES[model.name];
  if (!testCase) throw new Error(`no install-then-run case for catalog model ${model.name}`);
  const bundle = fs.mkdtempSync(path.join(root, `bundle-${model.name}-`));
  testCase.bundle(model, bundle);
  const unverified = model.files.every((f) => f.checksumSource === 'unverified');
  if (testCase.weights === 'real') {
    const cli = await runEarshot(
      { EARSHOT_DATA_DIR: store.dataDir, EARSHOT_MODELS_DIR: modelsDir },
      'models',
      'install',
      model.name,
      '--from',
      bundle,
    );
    expect(cli, cli.err).toMatchObject({ code: 0 });
  } else {
    const entry = unverified ? model : await withBundleChecksums(model, bundle);
    await installModel(entry, { modelsDir, fromDir: bundle, trustUnverified: unverified });
  }
  // From here on, only the real catalog entry, by name.
  const installed = resolveModel({ modelsDir }, model.name);
  for (const file of model.files.filter((f) => !f.archive)) {
    const bytes = fs.readFileSync(path.join(bundle, file.name));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(installed.checksums([file.name])[path.basename(file.name)]).toBe(sha256);
    if (testCase.weights === 'real') expect(sha256).toBe(file.sha256);
  }
  return installed;
}

describe('every catalog model installs from a bundle shaped like its download and runs in its stage', () => {
  it('has a case for exactly the models of the catalog', () => {
    expect(Object.keys(CASES).sort()).toEqual(modelCatalog.map((m) => m.name).sort());
  });

  it('the GigaAM archive stand-in unpacks to the members the catalog lists', async () => {
    const modelsDir = fs.mkdtempSync(path.join(root, 'models-archive-'));
    const installed = await installCatalogModel(findCatalogModel('gigaam-v2-ctc-ru')!, modelsDir);
    const testAsr = findCatalogModel('test-asr-ru')!;
    expect(installed.files.map((f) => f.name).sort()).toEqual(['LICENSE', 'model.int8.onnx', 'tokens.txt']);
    for (const name of NEMO_FILES) {
      expect(installed.checksums([name])[name]).toBe(testAsr.files.find((f) => f.name === name)?.sha256);
    }
  });

  for (const model of modelCatalog) {
    it(`${model.name} (${CASES[model.name]?.weights ?? 'no case'} weights)`, async () => {
      const modelsDir = fs.mkdtempSync(path.join(root, `models-${model.name}-`));
      const installed = await installCatalogModel(model, modelsDir);
      await CASES[model.name]!.run({ modelsDir, installed });
    }, 180_000);
  }
});
