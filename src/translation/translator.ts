import type { LoadedTranslationPipeline } from './transformers-runtime.ts';
import { ModelError, ModelNotInstalledError } from '../models/model-store.ts';
import { locateTranslationModel } from './translation-model.ts';
import type { TranslationModel } from './translation-model.ts';

/**
 * Segment-by-segment machine translation into English with local Marian (opus-mt format)
 * models run by transformers.js. Each output row answers exactly one input segment, in the same
 * order, and says which engine and model (name and checksum) produced it, so a translation can
 * always be traced and marked stale when its source changes.
 */

export type SegmentId = string | number;

export interface SourceSegment<Id extends SegmentId = SegmentId> {
  id: Id;
  text: string;
  /** Language of the source text as the recogniser reported it: "ru", "uk", "ru-RU"... */
  language: string;
}

interface TranslationBase<Id extends SegmentId> {
  id: Id;
  sourceLanguage: string;
  targetLanguage: string;
  engine: string;
}

export type SegmentTranslation<Id extends SegmentId = SegmentId> =
  | (TranslationBase<Id> & { status: 'translated'; text: string; model: string; modelSha256: string })
  | (TranslationBase<Id> & { status: 'empty-source'; text: ''; model: null; modelSha256: null })
  | (TranslationBase<Id> & {
      status: 'unsupported-language';
      text: null;
      model: null;
      modelSha256: null;
      message: string;
    });

export interface TranslatorOptions {
  modelsDir: string;
  /** Model folder names under modelsDir, e.g. ["opus-mt-ru-en", "opus-mt-uk-en"]; the first that covers a segment's language is used. */
  models: string[];
  /** ONNX Runtime intra-op threads per model (default: the runtime's choice). */
  threads?: number;
  /** Upper bound on generated tokens per segment; the per-segment budget also scales with the source length. */
  maxNewTokens?: number;
}

export class TranslationEngineError extends Error {}

type TransformersRuntime = typeof import('./transformers-runtime.ts');
let transformersRuntime: Promise<TransformersRuntime> | undefined;

/** transformers.js (with ONNX Runtime and sharp) loads once per process, when a translator first opens. */
function loadTransformersRuntime(): Promise<TransformersRuntime> {
  transformersRuntime ??= import('./transformers-runtime.ts');
  return transformersRuntime;
}

const ISO_639_2: Record<string, string> = { rus: 'ru', ukr: 'uk', eng: 'en' };

/** "ru-RU" → "ru", "UKR" → "uk"; unknown or empty → "". */
export function normaliseLanguage(language: string | null | undefined): string {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return ISO_639_2[primary] ?? (/^[a-z]{2,3}$/.test(primary) ? primary : '');
}

export class Translator {
  readonly engine: string;
  private readonly pipelines = new Map<string, Promise<LoadedTranslationPipeline>>();

  private constructor(
    private readonly options: TranslatorOptions,
    readonly models: readonly TranslationModel[],
    private readonly runtime: TransformersRuntime,
  ) {
    this.engine = runtime.TRANSFORMERS_ENGINE;
  }

  /** Finds every model now, so a missing one fails before any work starts; the engines load on first use. */
  static async open(options: TranslatorOptions): Promise<Translator> {
    if (options.models.length === 0) throw new TranslationEngineError('no translation model configured');
    const models = options.models.map((name) => locateTranslationModel(options.modelsDir, name));
    const targets = new Set(models.map((m) => m.targetLanguage));
    if (targets.size > 1) {
      throw new TranslationEngineError(
        `translation models disagree on the target language: ${[...targets].join(', ')}`,
      );
    }
    return new Translator(options, models, await loadTransformersRuntime());
  }

  get targetLanguage(): string {
    return this.models[0]!.targetLanguage;
  }

  supportedLanguages(): string[] {
    return [...new Set(this.models.flatMap((m) => m.sourceLanguages))];
  }

  async translate<Id extends SegmentId>(
    segments: readonly SourceSegment<Id>[],
  ): Promise<SegmentTranslation<Id>[]> {
    const results: SegmentTranslation<Id>[] = [];
    // One segment at a time: output rows stay aligned with their sources and memory stays flat.
    for (const segment of segments) results.push(await this.translateSegment(segment));
    return results;
  }

  async close(): Promise<void> {
    const loaded = await Promise.allSettled([...this.pipelines.values()]);
    this.pipelines.clear();
    const engines = loaded.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    await Promise.all(engines.map((engine) => engine.dispose()));
  }

  private async translateSegment<Id extends SegmentId>(
    segment: SourceSegment<Id>,
  ): Promise<SegmentTranslation<Id>> {
    const sourceLanguage = normaliseLanguage(segment.language);
    const base = { id: segment.id, sourceLanguage, targetLanguage: this.targetLanguage, engine: this.engine };
    const model = this.models.find((m) => m.sourceLanguages.includes(sourceLanguage));
    if (!model) {
      const shown = sourceLanguage || JSON.stringify(segment.language ?? '');
      return {
        ...base,
        status: 'unsupported-language',
        text: null,
        model: null,
        modelSha256: null,
        message: `unsupported language ${shown}: installed translation models cover ${this.supportedLanguages().join(', ')}`,
      };
    }
    const text = typeof segment.text === 'string' ? segment.text.trim() : '';
    if (text === '') return { ...base, status: 'empty-source', text: '', model: null, modelSha256: null };

    const engine = await this.pipelineFor(model);
    try {
      const maxNewTokens = Math.min(this.options.maxNewTokens ?? 256, 2 * engine.countTokens(text) + 10);
      const translated = await engine.translate(text, { maxNewTokens });
      return {
        ...base,
        status: 'translated',
        text: translated,
        model: model.name,
        modelSha256: model.sha256,
      };
    } catch (error) {
      throw new TranslationEngineError(
        `translating segment ${String(segment.id)} with ${model.name} failed: ${(error as Error).message}`,
      );
    }
  }

  private pipelineFor(model: TranslationModel): Promise<LoadedTranslationPipeline> {
    let loading = this.pipelines.get(model.name);
    if (!loading) {
      loading = this.runtime.loadTranslationPipeline(model, this.options.modelsDir, this.options.threads);
      this.pipelines.set(model.name, loading);
      // A failed load is retried next time instead of being cached.
      loading.catch(() => this.pipelines.delete(model.name));
    }
    return loading;
  }
}

/**
 * Opens a translator; a model that is invalid or cannot be loaded is something the user must fix,
 * so it is reported through `asUserFacing` (a CLI usage error, a permanent stage failure). A model
 * that is not installed stays a ModelNotInstalledError: the translate stage waits for it.
 */
export async function openTranslatorOrExplain(
  options: TranslatorOptions,
  asUserFacing: (message: string) => Error,
): Promise<Translator> {
  try {
    return await Translator.open(options);
  } catch (error) {
    if (error instanceof ModelNotInstalledError) throw error;
    if (error instanceof ModelError || error instanceof TranslationEngineError) {
      throw asUserFacing(error.message);
    }
    throw error;
  }
}
