import type { CatalogModel, ModelFile } from './catalog-types.ts';

/*
 * The model catalog: every model Earshot can install, as reviewable data. Checksums are only
 * entered where a public source states them (see `checksumSource` and `checksumNote` on each
 * file); the rest are null and `earshot models install` refuses them without
 * `--trust-unverified`. URLs are pinned to a commit or revision wherever the source gave one,
 * so the bytes behind a URL cannot silently change.
 */

const SILERO_NOTE =
  'inputs input[1,576] (64 context + 512 new samples at 16 kHz), state[2,1,128], sr; see ../shared/models/silero-vad/README.txt';

const HF_WHISPER_CPP =
  'https://huggingface.co/ggerganov/whisper.cpp/resolve/5359861c739e955e79d9a303bcbc70fb988958b1';
const SHERPA_RELEASES = 'https://github.com/k2-fsa/sherpa-onnx/releases/download';
const GIGAAM_V2_DIR = 'sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19';

function opusMtFile(repoAndRevision: string, name: string, sizeBytes: number, sha256: string): ModelFile {
  return {
    name,
    url: `https://huggingface.co/${repoAndRevision}/${name}`,
    sizeBytes,
    sha256,
    checksumSource: 'single-pin',
    checksumNote:
      'sizes and SHA-256 pinned per file at this revision by one public project (generated from the Hugging Face API)',
  };
}

function repositoryFixture(name: string, sizeBytes: number, sha256: string): ModelFile {
  return {
    name,
    url: null,
    sizeBytes,
    sha256,
    checksumSource: 'repository-fixture',
    checksumNote: 'hashed from demo/models',
  };
}

function unverifiedFile(url: string, name: string): ModelFile {
  return { name, url: `${url}/${name}`, sizeBytes: null, sha256: null, checksumSource: 'unverified' };
}

export const modelCatalog: readonly CatalogModel[] = [
  {
    name: 'silero-vad-v5',
    task: 'vad',
    engine: 'sherpa-onnx/vad',
    languages: [],
    description:
      'Silero VAD v5 (ONNX, 16/8 kHz). Keeps word edges of synthetic test speech better than v6.2.',
    licence: 'MIT',
    sourcePage: 'https://github.com/snakers4/silero-vad',
    source: 'download',
    files: [
      {
        name: 'silero_vad_v5.onnx',
        url: 'https://raw.githubusercontent.com/snakers4/silero-vad/f0d880d79c50d36c9c014e282a89fe42b0683120/src/silero_vad/data/silero_vad.onnx',
        sizeBytes: 2_327_524,
        sha256: '2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f',
        checksumSource: 'shared-fixture',
        checksumNote: 'hashed from ../shared/models/silero-vad, copied from snakers4/silero-vad @ f0d880d',
      },
    ],
    notes: SILERO_NOTE,
  },
  {
    name: 'silero-vad-v6.2',
    task: 'vad',
    engine: 'sherpa-onnx/vad',
    languages: [],
    description: 'Silero VAD v6.2 (ONNX). Trims the first and last syllables of espeak speech more than v5.',
    licence: 'MIT',
    sourcePage: 'https://github.com/snakers4/silero-vad',
    source: 'download',
    files: [
      {
        name: 'silero_vad.onnx',
        url: 'https://raw.githubusercontent.com/snakers4/silero-vad/806dcba3f0b5d95282d0889a074954a2f8c6397b/src/silero_vad/data/silero_vad.onnx',
        sizeBytes: 2_327_524,
        sha256: '1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3',
        checksumSource: 'shared-fixture',
        checksumNote:
          'hashed from ../shared/models/silero-vad, copied from snakers4/silero-vad @ 806dcba (tag v6.2)',
      },
    ],
    notes: SILERO_NOTE,
  },
  {
    name: 'test-asr-ru',
    task: 'asr',
    engine: 'sherpa-onnx/nemo-ctc',
    languages: ['ru'],
    description:
      'TEST FIXTURE, not a usable recogniser: tiny Russian character CTC model trained on synthetic speech only (CER about 50 % on real speech).',
    licence: 'trained for Earshot; training material licences in its README (GPL-3.0 word list among them)',
    sourcePage: '../shared/models/test-asr-ru/README.md',
    source: 'shared fixture',
    files: [
      {
        name: 'model.int8.onnx',
        url: null,
        sizeBytes: 4_443_690,
        sha256: '906beafec40e099e98ff02af11c8576eebd671606d37ca456b00d60315b3cea7',
        checksumSource: 'shared-fixture',
      },
      {
        name: 'model.onnx',
        url: null,
        sizeBytes: 15_421_911,
        sha256: 'c27d8d3037ffd36e38c4fa5c45ffd263d60919263b498de40197d4b6cf1711da',
        checksumSource: 'shared-fixture',
        // The demo bundle (demo/models/test-asr-ru) carries the int8 weights only.
        optional: true,
      },
      {
        name: 'tokens.txt',
        url: null,
        sizeBytes: 198,
        sha256: 'a9143c30844d3c0bee3e9e927e4084774eb1b9eeaafc473b2c4521e4911a7c07',
        checksumSource: 'shared-fixture',
      },
    ],
    notes: 'Same NeMo-CTC format as GigaAM (is_giga_am=0); install with --from ../shared/models/test-asr-ru.',
  },
  {
    name: 'gigaam-v2-ctc-ru',
    task: 'asr',
    engine: 'sherpa-onnx/nemo-ctc',
    languages: ['ru'],
    description:
      'GigaAM v2 CTC (Sber), int8, in sherpa-onnx NeMo-CTC format: the default Russian recogniser.',
    licence: 'MIT (GigaAM v2; LICENSE inside the archive)',
    sourcePage: 'https://k2-fsa.github.io/sherpa/onnx/pretrained_models/offline-ctc/nemo/russian.html',
    source: 'download',
    files: [
      {
        name: `${GIGAAM_V2_DIR}.tar.bz2`,
        url: `${SHERPA_RELEASES}/asr-models/${GIGAAM_V2_DIR}.tar.bz2`,
        sizeBytes: 166_917_722,
        sha256: '777be8717d8aaf04861823671290f7687f7579fd9ac63a2124955573f920caf5',
        checksumSource: 'independent-pins',
        checksumNote:
          'archive SHA-256 pinned in full by one public project and by its first 8 hex digits (same size) by another',
        archive: {
          format: 'tar.bz2',
          members: {
            [`${GIGAAM_V2_DIR}/model.int8.onnx`]: 'model.int8.onnx',
            [`${GIGAAM_V2_DIR}/tokens.txt`]: 'tokens.txt',
            [`${GIGAAM_V2_DIR}/LICENSE`]: 'LICENSE',
          },
        },
      },
    ],
    notes: 'Published anchor: RTF about 0.33 on 2 CPU threads. Needs `tar` with bzip2 to unpack.',
  },
  {
    name: 'whisper-large-v3-turbo',
    task: 'whisper',
    engine: 'whisper.cpp/ggml',
    languages: ['multi'],
    description:
      'Whisper large-v3-turbo (f16 ggml) for @fugood/whisper.node: multilingual, Ukrainian, language ID.',
    licence: 'MIT',
    sourcePage: 'https://huggingface.co/ggerganov/whisper.cpp',
    source: 'download',
    files: [
      {
        name: 'ggml-large-v3-turbo.bin',
        url: `${HF_WHISPER_CPP}/ggml-large-v3-turbo.bin`,
        sizeBytes: 1_624_555_275,
        sha256: '1fc70f774d38eb169993ac391eea357ef47c88757ef72ee5943879b7e8e2bc69',
        checksumSource: 'independent-pins',
        checksumNote: 'same size and SHA-256 pinned by two unrelated public projects',
      },
    ],
  },
  {
    name: 'whisper-small',
    task: 'whisper',
    engine: 'whisper.cpp/ggml',
    languages: ['multi'],
    description: 'Whisper small (f16 ggml): multilingual, fast on CPU, weaker on Russian than GigaAM.',
    licence: 'MIT',
    sourcePage: 'https://huggingface.co/ggerganov/whisper.cpp',
    source: 'download',
    files: [
      {
        name: 'ggml-small.bin',
        url: `${HF_WHISPER_CPP}/ggml-small.bin`,
        sizeBytes: 487_601_967,
        sha256: '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b',
        sha1: '55356645c2b361a969dfd0ef2c5a50d530afd8d5',
        checksumSource: 'publisher',
        checksumNote:
          'SHA-1 from whisper.cpp models/README.md; SHA-256 and size pinned by one public project; both are checked',
      },
    ],
  },
  {
    name: 'whisper-base',
    task: 'whisper',
    engine: 'whisper.cpp/ggml',
    languages: ['multi'],
    description:
      'Whisper base (f16 ggml): small and fast, for quick looks and tests on real Whisper weights.',
    licence: 'MIT',
    sourcePage: 'https://huggingface.co/ggerganov/whisper.cpp',
    source: 'download',
    files: [
      {
        name: 'ggml-base.bin',
        url: `${HF_WHISPER_CPP}/ggml-base.bin`,
        sizeBytes: null,
        sha256: null,
        sha1: '465707469ff3a37a2b9b8d8f89f2f99de7299dac',
        checksumSource: 'publisher',
        checksumNote:
          'SHA-1 from whisper.cpp models/README.md (142 MiB); no SHA-256 found, computed at install',
      },
    ],
  },
  {
    name: 'whisper-test-micro',
    task: 'whisper',
    engine: 'whisper.cpp/ggml',
    languages: ['multi'],
    description:
      'TEST FIXTURE, not a usable recogniser: the Whisper graph with narrow layers and RANDOM weights (garbage text; tests and speed checks only).',
    licence: 'generated by Earshot (no training data)',
    sourcePage: 'tools/whisper-random-model/random-ggml.ts',
    source: 'shared fixture',
    files: [
      {
        name: 'ggml-test-micro.bin',
        url: null,
        sizeBytes: 7_988_610,
        sha256: '90b81675aaf9faacba887270291e305effea558c3f3842095dfc408b42ede75a',
        checksumSource: 'generated-fixture',
        checksumNote: 'written by `random-ggml.ts --arch test-micro --seed 0`; the same bytes on every run',
      },
    ],
    notes:
      'Make it with `npx tsx tools/whisper-random-model/random-ggml.ts --arch test-micro --out DIR/ggml-test-micro.bin`, then install with --from DIR.',
  },
  {
    name: 'pyannote-segmentation-3.0',
    task: 'diarisation-segmentation',
    engine: 'sherpa-onnx/speaker-segmentation',
    languages: [],
    description:
      'pyannote segmentation 3.0 in sherpa-onnx format, for offline speaker diarisation of mono calls.',
    licence: 'MIT',
    sourcePage: 'https://k2-fsa.github.io/sherpa/onnx/speaker-diarization/models.html',
    source: 'download',
    files: [
      {
        name: 'model.onnx',
        url: 'https://huggingface.co/csukuangfj/sherpa-onnx-pyannote-segmentation-3-0/resolve/main/model.onnx',
        sizeBytes: 5_992_913,
        sha256: '220ad67ca923bef2fa91f2390c786097bf305bceb5e261d4af67b38e938e1079',
        checksumSource: 'independent-pins',
        checksumNote:
          'same size and SHA-256 pinned by two unrelated public projects (URL not revision-pinned)',
      },
    ],
  },
  {
    name: 'speaker-embedding-titanet-small',
    task: 'speaker-embedding',
    engine: 'sherpa-onnx/speaker-embedding',
    languages: [],
    description: 'NVIDIA NeMo TitaNet-S speaker embeddings (192-d), sherpa-onnx export.',
    licence: 'CC-BY-4.0 (NGC model card; check before redistribution)',
    sourcePage: 'https://github.com/k2-fsa/sherpa-onnx/releases/tag/speaker-recongition-models',
    source: 'download',
    files: [
      {
        name: 'nemo_en_titanet_small.onnx',
        url: `${SHERPA_RELEASES}/speaker-recongition-models/nemo_en_titanet_small.onnx`,
        sizeBytes: 40_257_283,
        sha256: 'ad4a1802485d8b34c722d2a9d04249662f2ece5d28a7a039063ca22f515a789e',
        checksumSource: 'independent-pins',
        checksumNote: 'same size and SHA-256 pinned by two public projects',
      },
    ],
    notes: 'The release tag really is spelled "recongition" upstream.',
  },
  {
    name: 'speaker-embedding-wespeaker-campplus',
    task: 'speaker-embedding',
    engine: 'sherpa-onnx/speaker-embedding',
    languages: [],
    description: 'WeSpeaker CAM++ trained on VoxCeleb (192-d), sherpa-onnx export.',
    licence: 'Apache-2.0 code; CC-BY-4.0 weights (VoxCeleb)',
    sourcePage: 'https://github.com/k2-fsa/sherpa-onnx/releases/tag/speaker-recongition-models',
    source: 'download',
    files: [
      {
        name: 'wespeaker_en_voxceleb_CAM++.onnx',
        url: `${SHERPA_RELEASES}/speaker-recongition-models/wespeaker_en_voxceleb_CAM%2B%2B.onnx`,
        sizeBytes: 29_292_684,
        sha256: 'c46fad10b5f81e1aa4a60c162714208577093655076c5450f8c469e522ec54ef',
        checksumSource: 'single-pin',
        checksumNote: 'from a public byte-for-byte mirror that states this is the upstream digest',
      },
    ],
  },
  {
    name: 'opus-mt-ru-en',
    task: 'translation',
    engine: 'transformers.js',
    languages: ['ru', 'en'],
    description:
      'Helsinki-NLP OPUS-MT Russian to English (Marian), quantised ONNX by Xenova for transformers.js.',
    licence: 'CC-BY-4.0 (Helsinki-NLP/opus-mt-ru-en model card)',
    sourcePage: 'https://huggingface.co/Xenova/opus-mt-ru-en',
    source: 'download',
    files: [
      ['config.json', 1376, '60dc7d0906dbe42a1d740cdd7e84ce1534685b81fbe16005a0301adac69086ce'] as const,
      [
        'generation_config.json',
        293,
        '9bcb507fa6117b07870df6627294b878b0710a55bc3abc9cf0db980e0c48fe2c',
      ] as const,
      [
        'onnx/decoder_model_merged_quantized.onnx',
        58_931_576,
        '25e7ff97b201bce64ab9c39749761d657b70b8602bcbc1ce01c67f713e90ffdf',
      ] as const,
      [
        'onnx/encoder_model_quantized.onnx',
        51_628_446,
        'c10df0466540534bb70c4402d539c349b8bfa9968184cad89f51408cf13e7eb7',
      ] as const,
      [
        'tokenizer.json',
        7_205_388,
        '981cd3d9fef6bb4dda8082afda716b65deb6717cb3ef35ac0b57002c09dec2bb',
      ] as const,
      [
        'tokenizer_config.json',
        280,
        'c0710ba5ee70ccb2d0e6b0092139d00f370b9c4783c4b077584cb3cc8f7ac4e0',
      ] as const,
    ].map(([name, size, sha]) =>
      opusMtFile('Xenova/opus-mt-ru-en/resolve/afe8c6c738ec81b6d033fd8f44f9678a639a7c67', name, size, sha),
    ),
    translation: { sourceLanguages: ['ru'], targetLanguage: 'en', dtype: 'q8' },
    notes:
      'Load with transformers.js, env.allowRemoteModels=false, localModelPath = the models folder, dtype q8.',
  },
  {
    name: 'opus-mt-uk-en',
    task: 'translation',
    engine: 'transformers.js',
    languages: ['uk', 'en'],
    description: 'Helsinki-NLP OPUS-MT Ukrainian to English, quantised ONNX by Xenova. No checksums known.',
    licence: 'CC-BY-4.0 (Helsinki-NLP OPUS-MT; confirm on the model card)',
    sourcePage: 'https://huggingface.co/Xenova/opus-mt-uk-en',
    source: 'download',
    files: [
      'config.json',
      'generation_config.json',
      'onnx/decoder_model_merged_quantized.onnx',
      'onnx/encoder_model_quantized.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ].map((name) =>
      unverifiedFile(
        'https://huggingface.co/Xenova/opus-mt-uk-en/resolve/b2ad6afa424aaeff8913ff350860b7a7b7c0a607',
        name,
      ),
    ),
    translation: { sourceLanguages: ['uk'], targetLanguage: 'en', dtype: 'q8' },
    notes:
      'Revision pinned by one public project; installing needs --trust-unverified (records the SHA-256 seen).',
  },
  {
    name: 'marian-ru-en-test',
    task: 'translation',
    engine: 'transformers.js',
    languages: ['ru', 'en'],
    description:
      'DEMO MODEL, not a usable translator: a tiny Marian model trained on the synthetic demo corpus only; translates the demo calls and little else.',
    licence: 'trained for Earshot (demo/models/README.md)',
    sourcePage: 'demo/models/README.md',
    source: 'demo',
    files: (
      [
        ['config.json', 1161, 'c1b9c37184786c8303fdbfbb40b234b609705d0b298ed698b1d6a129e1d89746'],
        ['generation_config.json', 209, 'b8531d0940a20a3f5309eb2abb7bd955e9c9b2fdd42a40f7505dc198218f5bc3'],
        [
          'onnx/decoder_model_merged_quantized.onnx',
          5_436_941,
          '1be14a00fd78cb7170aea003bc3a0dc7ac8688aadc92461a810f9c5fb6e01385',
        ],
        [
          'onnx/encoder_model_quantized.onnx',
          3_539_093,
          'f43a4609cf2ca5a84690cc0279d42f7546fbd04dbe010496125f619c6ba6d447',
        ],
        ['tokenizer.json', 268_571, '029e19b3ef8b329e9a8accbcb361be3359581eedda1c57aee7387c9630d5ba90'],
        ['tokenizer_config.json', 186, 'd1f2e6c8e273d7a2c7e9e6cfdcfc8b91d5e5e734df4a0a7b34536d95c647e5fe'],
      ] as const
    ).map(([name, sizeBytes, sha256]) => repositoryFixture(name, sizeBytes, sha256)),
    translation: { sourceLanguages: ['ru'], targetLanguage: 'en', dtype: 'q8' },
    notes: 'Committed in demo/models/marian-ru-en-test; made by tools/translation-model.',
  },
];

export function findCatalogModel(
  name: string,
  catalog: readonly CatalogModel[] = modelCatalog,
): CatalogModel | undefined {
  return catalog.find((m) => m.name === name);
}

/** The files a model leaves in its folder once installed (archives are replaced by their members). */
export function installedFileNames(model: CatalogModel): string[] {
  return model.files.flatMap((f) => (f.archive ? Object.values(f.archive.members) : [f.name]));
}

/** Bytes to download, or null when a file's size is not known in advance. */
export function downloadSize(model: CatalogModel): number | null {
  let total = 0;
  for (const f of model.files) {
    if (f.sizeBytes === null) return null;
    total += f.sizeBytes;
  }
  return total;
}
