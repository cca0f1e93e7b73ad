/**
 * Pure arithmetic of an audio excerpt: the clip window (the selection widened by margins and kept
 * inside the call) and the redaction spans moved into clip time, padded and merged, written as
 * ffmpeg expressions of `t` (seconds from the clip's start) for the `aeval` filter.
 */

/** A selection or a redaction the caller asked for does not fit the call: nothing was written. */
export class ClipRequestError extends Error {}

export type RedactionMode = 'tone' | 'silence';

export interface AudioRedaction {
  /** Seconds from the start of the call. */
  start: number;
  end: number;
  mode: RedactionMode;
}

export interface ClipWindow {
  /** Seconds from the start of the call. */
  start: number;
  end: number;
}

/** A span to blank, in seconds from the clip's start, already padded. */
export interface ClipSpan {
  start: number;
  end: number;
  mode: RedactionMode;
}

// A selection may end a little past the call's last sample (rounded word timings); more is a mistake.
const END_TOLERANCE_SECONDS = 0.5;

/** The selection widened by the margin on each side and clamped to the call. */
export function clipWindow(
  from: number,
  to: number,
  marginSeconds: number,
  callDurationSeconds: number,
): ClipWindow {
  if (![from, to, marginSeconds].every(Number.isFinite)) {
    throw new ClipRequestError('the selection needs finite start, end and margin times');
  }
  if (from < 0) throw new ClipRequestError(`the selection starts before the call (${from} s)`);
  if (marginSeconds < 0) throw new ClipRequestError(`the margin cannot be negative (${marginSeconds} s)`);
  if (to <= from)
    throw new ClipRequestError(`the selection is empty: it ends (${to} s) before it starts (${from} s)`);
  if (from >= callDurationSeconds || to > callDurationSeconds + END_TOLERANCE_SECONDS) {
    throw new ClipRequestError(
      `the selection ${from}–${to} s goes beyond the call, which lasts ${callDurationSeconds.toFixed(2)} s`,
    );
  }
  return {
    start: Math.max(0, from - marginSeconds),
    end: Math.min(callDurationSeconds, to + marginSeconds),
  };
}

/**
 * Moves each redaction into clip time, pads it on both sides (word timings are a recogniser's
 * estimate; a syllable edge outside them would still be heard), keeps the part inside the clip and
 * merges spans that overlap or lie closer than `mergeGapSeconds` (two fades: their ramps would
 * overlap). A merged span is a tone if any part of it asked for one.
 */
export function clipSpans(
  redactions: readonly AudioRedaction[],
  window: ClipWindow,
  paddingSeconds: number,
  mergeGapSeconds = 0.05,
): ClipSpan[] {
  const length = window.end - window.start;
  const spans: ClipSpan[] = [];
  for (const r of redactions) {
    if (!Number.isFinite(r.start) || !Number.isFinite(r.end) || r.end <= r.start) {
      throw new ClipRequestError(`a redaction span must end after it starts (got ${r.start}–${r.end} s)`);
    }
    if (r.mode !== 'tone' && r.mode !== 'silence') {
      throw new ClipRequestError(`a redaction is a 'tone' or 'silence', not '${String(r.mode)}'`);
    }
    const start = Math.max(0, r.start - window.start - paddingSeconds);
    const end = Math.min(length, r.end - window.start + paddingSeconds);
    if (end > start) spans.push({ start, end, mode: r.mode });
  }
  const merged: ClipSpan[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end + mergeGapSeconds) {
      last.end = Math.max(last.end, span.end);
      if (span.mode === 'tone') last.mode = 'tone';
    } else merged.push({ ...span });
  }
  return merged;
}

const decimal = (value: number): string => value.toFixed(5);

/** 1 inside the span, 0 outside, linear ramps of `f` seconds just outside its edges. */
function cover(span: ClipSpan, f: number): string {
  const rampIn = `min(max((t-${decimal(span.start - f)})/${decimal(f)},0),1)`;
  const rampOut = `min(max((${decimal(span.end + f)}-t)/${decimal(f)},0),1)`;
  return `min(${rampIn},${rampOut})`;
}

/**
 * An `aeval` expression over sorted, separate spans: a balanced tree of comparisons finds the one
 * span a sample may fall in (log2 of the span count per sample, where a flat sum would test every
 * span), and `leaf` says what to do there. Outside every span the sample passes unchanged.
 */
function spanTree(
  spans: readonly ClipSpan[],
  f: number,
  leaf: (span: ClipSpan, w: string) => string,
): string {
  const build = (lo: number, hi: number): string => {
    if (hi - lo === 1) {
      const span = spans[lo]!;
      return `if(between(t,${decimal(span.start - f)},${decimal(span.end + f)}),${leaf(span, cover(span, f))},val(ch))`;
    }
    const mid = Math.floor((lo + hi) / 2);
    return `if(lt(t,${decimal(spans[mid]!.start - f)}),${build(lo, mid)},${build(mid, hi)})`;
  };
  return spans.length === 0 ? 'val(ch)' : build(0, spans.length);
}

const minimumFade = (fadeSeconds: number) => Math.max(fadeSeconds, 1e-4);

/** An `aeval` expression that mutes every span, with fades (`fadeSeconds` outside each edge). */
export function muteExpression(spans: readonly ClipSpan[], fadeSeconds: number): string {
  return spanTree(spans, minimumFade(fadeSeconds), (_, w) => `val(ch)*(1-${w})`);
}

/** Mutes every span and fills the tone spans with a sine at `toneHz` and `amplitude`. */
export function toneExpression(
  spans: readonly ClipSpan[],
  fadeSeconds: number,
  toneHz: number,
  amplitude: number,
): string {
  return spanTree(spans, minimumFade(fadeSeconds), (span, w) =>
    span.mode === 'tone' ? `val(ch)*(1-${w})+${amplitude}*sin(2*PI*${toneHz}*t)*${w}` : `val(ch)*(1-${w})`,
  );
}
