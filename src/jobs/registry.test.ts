import { describe, expect, it } from 'vitest';
import { pipelineRegistry, stageHandlers } from './handlers.ts';
import { createStageRegistry, StageRegistryError } from './registry.ts';
import type { StageHandler } from './stage-handler.ts';
import { STAGE_ORDER } from './stages.ts';

function handler<N extends string>(stage: N): StageHandler<N> {
  return { stage, run: () => Promise.resolve({ result: { stage } }) };
}

describe('createStageRegistry', () => {
  it('keeps the declared order and finds each stage its handler and successor', () => {
    const a = handler('a');
    const b = handler('b');
    const registry = createStageRegistry(['a', 'b'] as const, [b, a]);
    expect(registry.order).toEqual(['a', 'b']);
    expect(registry.handler('a')).toBe(a);
    expect(registry.next('a')).toBe('b');
    expect(registry.next('b')).toBeUndefined();
    expect(registry.has('b')).toBe(true);
    expect(registry.has('c')).toBe(false);
  });

  it('refuses a stage without a handler, naming it', () => {
    expect(() => createStageRegistry(['a', 'b', 'c'], [handler('a')])).toThrow(/no handler for stage b, c/);
  });

  it('refuses two handlers for one stage, naming it', () => {
    expect(() => createStageRegistry(['a', 'b'], [handler('a'), handler('b'), handler('b')])).toThrow(
      StageRegistryError,
    );
    expect(() => createStageRegistry(['a', 'b'], [handler('a'), handler('b'), handler('b')])).toThrow(
      /more than one handler for stage b/,
    );
  });

  it('refuses a handler for a stage that is not in the order', () => {
    const stray = handler('x') as unknown as StageHandler<'a'>;
    expect(() => createStageRegistry(['a'], [handler('a'), stray])).toThrow(/unknown stage x/);
  });

  it('refuses a stage listed twice in the order', () => {
    expect(() => createStageRegistry(['a', 'a'], [handler('a')])).toThrow(/listed twice.*a/);
  });
});

describe('the pipeline registry', () => {
  it('has exactly one handler for every declared stage', () => {
    const registry = pipelineRegistry();
    expect(registry.order).toEqual(STAGE_ORDER);
    expect(stageHandlers.map((h) => h.stage).sort()).toEqual([...STAGE_ORDER].sort());
    expect(registry.order[0]).toBe('decode');
  });
});
