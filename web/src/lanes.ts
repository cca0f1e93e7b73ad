/**
 * Speaker lanes are named by the server: 'caller'/'callee' for two-channel calls, 'speaker N' after
 * diarisation or a correction, 'speaker unknown' for a mono mix. Each gets a steady colour.
 */
export function laneColorIndex(lane: string, lanes: readonly string[] = []): number {
  if (lane === 'caller') return 0;
  if (lane === 'callee') return 1;
  const at = lanes.indexOf(lane);
  if (at >= 0) return at % 4;
  let hash = 0;
  for (const ch of lane) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 4;
}

export function laneLabel(segment: { lane: string; speaker: string | null }): string {
  return segment.speaker ?? segment.lane;
}

/** Lanes a segment can be moved to: those in the transcript, and a few new speakers to split a mix. */
export function laneChoices(lanes: readonly string[]): string[] {
  const choices = [...lanes];
  for (let n = 1; choices.filter((l) => /^speaker \d+$/.test(l)).length < lanes.length + 1 && n < 10; n++) {
    if (!choices.includes(`speaker ${n}`)) choices.push(`speaker ${n}`);
  }
  return choices;
}

/** Lanes in the order they first speak. */
export function lanesOf(segments: readonly { lane: string; start: number }[]): string[] {
  return [...segments]
    .sort((a, b) => a.start - b.start)
    .reduce<string[]>((acc, s) => (acc.includes(s.lane) ? acc : [...acc, s.lane]), []);
}
