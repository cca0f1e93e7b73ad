import { createStageRegistry, type StageRegistry } from './registry.ts';
import type { StageHandler } from './stage-handler.ts';
import { STAGE_ORDER, type StageName } from './stages.ts';
import { analyseStage } from './stages/analyse.ts';
import { decodeStage } from './stages/decode.ts';
import { fingerprintStage } from './stages/fingerprint.ts';
import { transcribeStage } from './stages/transcribe.ts';
import { translateStage } from './stages/translate.ts';
import { vadStage } from './stages/vad.ts';

/** Every stage handler, listed explicitly (no discovery by file name). */
export const stageHandlers: readonly StageHandler<StageName>[] = [
  decodeStage,
  fingerprintStage,
  vadStage,
  transcribeStage,
  translateStage,
  analyseStage,
];

let registry: StageRegistry<StageName> | undefined;

/** The pipeline's registry; built (and checked) on first use, so a bad list fails at startup. */
export function pipelineRegistry(): StageRegistry<StageName> {
  registry ??= createStageRegistry(STAGE_ORDER, stageHandlers);
  return registry;
}
