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
 * merges spans of the same mode that overlap or touch.
 */
export function clipSpans(
  redactions: readonly AudioRedaction[],
  window: ClipWindow,
  paddingSeconds: number,
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
  return (['tone', 'silence'] as const).flatMap((mode) => merge(spans.filter((s) => s.mode === mode)));
}

function merge(spans: ClipSpan[]): ClipSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: ClipSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const decimal = (value: number): string => value.toFixed(5);

/**
 * 1 inside the spans, 0 outside, with linear ramps of `fadeSeconds` outside each span's edges
 * (so the span itself is fully covered and no click is heard). Spans are merged per mode, and
 * `if` evaluates one branch only, so a long list stays cheap per sample.
 */
export function coverageExpression(spans: readonly ClipSpan[], fadeSeconds: number): string {
  if (spans.length === 0) return '0';
  const f = Math.max(fadeSeconds, 1e-4);
  const terms = spans.map((s) => {
    const rampIn = `min(max((t-${decimal(s.start - f)})/${decimal(f)},0),1)`;
    const rampOut = `min(max((${decimal(s.end + f)}-t)/${decimal(f)},0),1)`;
    return `if(between(t,${decimal(s.start - f)},${decimal(s.end + f)}),min(${rampIn},${rampOut}),0)`;
  });
  // Spans of different modes may overlap: the cover never exceeds 1.
  return `min(${terms.join('+')},1)`;
}

/** An `aeval` expression list (one per channel, `|`-separated) that mutes the spans. */
export function muteExpression(spans: readonly ClipSpan[], fadeSeconds: number): string {
  return `val(ch)*(1-${coverageExpression(spans, fadeSeconds)})`;
}

/** Adds a sine at `toneHz` and `amplitude` over the tone spans (they were muted before). */
export function toneExpression(
  spans: readonly ClipSpan[],
  fadeSeconds: number,
  toneHz: number,
  amplitude: number,
): string {
  const tones = spans.filter((s) => s.mode === 'tone');
  const cover = coverageExpression(spans, fadeSeconds);
  if (tones.length === 0) return `val(ch)*(1-${cover})`;
  return `val(ch)*(1-${cover})+${amplitude}*sin(2*PI*${toneHz}*t)*${coverageExpression(tones, fadeSeconds)}`;
}
