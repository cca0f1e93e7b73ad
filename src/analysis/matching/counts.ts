import type { Token } from './normalise.ts';
import { numberEndingAt, numberStartingAt, type NumberSpan } from './numbers.ts';

/**
 * Casualty counts attached to a countable match: «пять двухсотых», «5 200-х», «двое трёхсотых»,
 * «у нас двухсотых двое». One adjective may sit between («пять наших двухсотых»).
 */

const LARGEST_PLAUSIBLE_COUNT = 10_000;
/** Words that may stand between a noun and its count: «трёхсотых у нас двое», «двухсотых уже пять». */
const FILLERS = new Set(['у', 'нас', 'них', 'вас', 'есть', 'было', 'уже', 'еще', 'всего', 'только']);

export function countBefore(
  tokens: readonly Token[],
  first: number,
  isAdjective: (token: Token) => boolean,
): NumberSpan | undefined {
  const direct = numberEndingAt(tokens, first - 1);
  if (direct) return plausible(direct);
  const between = tokens[first - 1];
  if (between && isAdjective(between)) {
    const skipped = numberEndingAt(tokens, first - 2);
    if (skipped) return plausible(skipped);
  }
  return undefined;
}

/**
 * A count after a genitive plural («двухсотых пять», «трёхсотых у нас двое») or, with `anyForm`, after
 * a bare code number («двести у нас трое»).
 */
export function countAfter(tokens: readonly Token[], last: number, anyForm = false): NumberSpan | undefined {
  const surface = tokens[last]?.norm ?? '';
  if (!anyForm && !surface.endsWith('х')) return undefined;
  let next = last + 1;
  while (next - last <= 2 && FILLERS.has(tokens[next]?.norm ?? '')) next++;
  const span = numberStartingAt(tokens, next);
  return span ? plausible(span) : undefined;
}

function plausible(span: NumberSpan): NumberSpan | undefined {
  return span.value >= 1 && span.value <= LARGEST_PLAUSIBLE_COUNT && Number.isInteger(span.value)
    ? span
    : undefined;
}
