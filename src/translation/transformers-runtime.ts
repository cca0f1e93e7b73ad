import { env, LogLevel, pipeline } from '@huggingface/transformers';
import type { TranslationOutput, TranslationPipeline } from '@huggingface/transformers';
import type { TranslationModel } from './translation-model.ts';

/**
 * The only module that touches transformers.js. It is configured once, on import, for local
 * files only: no hub downloads, no file-system cache writes, no remote anything. Evidence never
 * leaves the machine, and a missing model is an error, never a silent download.
 */
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.useFSCache = false;
env.logLevel = LogLevel.ERROR;

export const TRANSFORMERS_ENGINE = `transformers.js ${env.version}`;

/** Whether transformers.js is set to refuse remote models (tests assert this). */
export function remoteModelsAllowed(): boolean {
  return env.allowRemoteModels;
}

export interface GenerationSettings {
  maxNewTokens: number;
}

/** Translates one text; the pipeline is greedy (num_beams 1), as in the model's generation_config.json. */
export type TextTranslator = (text: string, settings: GenerationSettings) => Promise<string>;

export interface LoadedTranslationPipeline {
  translate: TextTranslator;
  countTokens: (text: string) => number;
  dispose: () => Promise<void>;
}

// transformers.js resolves model names against a global env.localModelPath; loads are serialised
// so two translators with different model folders cannot see each other's setting mid-load.
let loadQueue: Promise<unknown> = Promise.resolve();

export function loadTranslationPipeline(
  model: TranslationModel,
  modelsDir: string,
  threads: number | undefined,
): Promise<LoadedTranslationPipeline> {
  const load = loadQueue.then(async () => {
    env.allowRemoteModels = false;
    env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`;
    const translation = await pipeline('translation', model.name, {
      dtype: model.dtype,
      local_files_only: true,
      session_options: threads ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {},
    });
    return wrapPipeline(translation);
  });
  loadQueue = load.catch(() => undefined);
  return load;
}

function wrapPipeline(translation: TranslationPipeline): LoadedTranslationPipeline {
  return {
    translate: async (text, settings) => {
      const output: TranslationOutput = await translation(text, { max_new_tokens: settings.maxNewTokens });
      return (output[0]?.translation_text ?? '').trim();
    },
    countTokens: (text) => translation.tokenizer.encode(text).length,
    dispose: () => translation.dispose(),
  };
}
