import { FPCALC_FIX, fpcalcAvailable } from '../fingerprint/fpcalc-engine.ts';

/**
 * System programs a stage can wait for, like a model: the run is 'waiting', naming the program,
 * and goes on by itself once the program is installed. Unlike a model wait, the stages after it
 * are not held back: what the program adds (fingerprints) is a side branch of the pipeline.
 */
export interface ToolWait {
  /** One sentence saying how to install it. */
  fix: string;
  /** The command that installs it on Debian. */
  command: string;
  /** What waits without it, in words, for `earshot start`. */
  waiting: string;
  /** Whether it can be used now; looked at every few seconds while something waits for it. */
  available(): boolean;
}

export const TOOL_WAITS: Readonly<Record<string, ToolWait>> = {
  fpcalc: {
    fix: FPCALC_FIX,
    command: 'apt install libchromaprint-tools',
    waiting: 'the fingerprint stage waits (no near-duplicate calls are looked for); every other stage runs',
    available: fpcalcAvailable,
  },
};

export function toolWait(name: string): ToolWait | undefined {
  return Object.hasOwn(TOOL_WAITS, name) ? TOOL_WAITS[name] : undefined;
}

/** What `earshot start` says about programs that are missing: one line each, with the fix. */
export function describeMissingTools(): string[] {
  return Object.values(TOOL_WAITS)
    .filter((tool) => !tool.available())
    .map(
      (tool) =>
        `${tool.fix}. Until then ${tool.waiting}; once installed the waiting runs go on by themselves.`,
    );
}
