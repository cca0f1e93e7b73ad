import type { StageHandler } from './stage-handler.ts';

export class StageRegistryError extends Error {}

/** Stage order plus exactly one handler per stage, checked when built. */
export interface StageRegistry<N extends string = string> {
  order: readonly N[];
  handler(stage: N): StageHandler<N>;
  /** The stage after `stage`, or undefined for the last one. */
  next(stage: N): N | undefined;
  has(stage: string): stage is N;
}

/**
 * Builds the registry from an explicit handler list. Throws, naming the stages, when a stage has
 * no handler, two handlers, or a handler names a stage that is not in the order.
 */
export function createStageRegistry<N extends string>(
  order: readonly N[],
  handlers: readonly StageHandler<N>[],
): StageRegistry<N> {
  const problems: string[] = [];
  const duplicatesInOrder = order.filter((stage, index) => order.indexOf(stage) !== index);
  if (duplicatesInOrder.length > 0)
    problems.push(`listed twice in the stage order: ${duplicatesInOrder.join(', ')}`);

  const byStage = new Map<N, StageHandler<N>>();
  const duplicates = new Set<string>();
  const unknown: string[] = [];
  for (const handler of handlers) {
    if (!order.includes(handler.stage)) unknown.push(handler.stage);
    else if (byStage.has(handler.stage)) duplicates.add(handler.stage);
    else byStage.set(handler.stage, handler);
  }
  const missing = order.filter((stage) => !byStage.has(stage));
  if (missing.length > 0) problems.push(`no handler for stage ${missing.join(', ')}`);
  if (duplicates.size > 0) problems.push(`more than one handler for stage ${[...duplicates].join(', ')}`);
  if (unknown.length > 0) problems.push(`handler for unknown stage ${unknown.join(', ')}`);
  if (problems.length > 0)
    throw new StageRegistryError(`Stage registry is inconsistent: ${problems.join('; ')}`);

  return {
    order,
    handler(stage) {
      const handler = byStage.get(stage);
      if (!handler) throw new StageRegistryError(`no handler for stage ${stage}`);
      return handler;
    },
    next(stage) {
      const index = order.indexOf(stage);
      return index >= 0 ? order[index + 1] : undefined;
    },
    has(stage: string): stage is N {
      return (order as readonly string[]).includes(stage);
    },
  };
}
