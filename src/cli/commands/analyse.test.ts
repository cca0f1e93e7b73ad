import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallAnalysis } from '../../analysis/types.ts';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';

const env: NodeJS.ProcessEnv = { EARSHOT_DATA_DIR: '/nonexistent/earshot-analyse-test' };

/** Runs `earshot analyse ARGS` with `input` as stdin, in this process. */
function analyse(input: string, ...args: string[]): Promise<CliResult> {
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(
    Readable.from([Buffer.from(input, 'utf8')]) as typeof process.stdin,
  );
  return runEarshot(env, 'analyse', ...args);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('earshot analyse --text', () => {
  it('prints matches with offsets, counts, casualties and a triage score as JSON', async () => {
    const result = await analyse('у нас пять двухсотых и десять трёхсотых\n\nон на подвале\n', '--text');
    expect(result.code, result.err).toBe(0);
    const call = JSON.parse(result.out) as CallAnalysis;
    expect(call.segments.map((s) => s.key)).toEqual(['line 1', 'line 3']);
    const [killed, wounded] = call.segments[0]!.matches;
    expect(killed).toMatchObject({
      start: 11,
      end: 20,
      surface: 'двухсотых',
      category: 'casualties_killed',
      count: 5,
    });
    expect(wounded).toMatchObject({ surface: 'трёхсотых', category: 'casualties_wounded', count: 10 });
    expect(call.casualties).toEqual({ killed: 5, wounded: 10, missing: null });
    expect(call.segments[1]!.matches[0]!.confidence).toBeLessThan(0.6);
    expect(call.triage.score).toBeGreaterThan(0);
    expect(call.triage.reasons[0]).toMatch(/killed/);
    expect(call.segments[0]!.language).toEqual({ code: 'ru', lexiconCovers: true });
  });

  it('fails clearly on empty input or without --text', async () => {
    const empty = await analyse('  \n\n', '--text');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no text on stdin');
    const noFlag = await analyse('двухсотые');
    expect(noFlag.code).toBe(2);
    expect(noFlag.err).toContain('pass --text');
  });

  it('analyses Ukrainian text with the Ukrainian lexicon', async () => {
    const result = await analyse('хлопці що там у вас відбувається', '--text');
    expect(result.code).toBe(0);
    const call = JSON.parse(result.out) as CallAnalysis;
    expect(call.segments[0]!.language).toMatchObject({ code: 'uk', lexiconCovers: true });
    expect(call.triage.score).toBe(0);
    const flagged = JSON.parse((await analyse('у нас двоє двохсотих, хлопці', '--text')).out) as CallAnalysis;
    expect(flagged.segments[0]!.matches.map((m) => m.termId)).toEqual(['uk-dvokhsotyi']);
  });
});
