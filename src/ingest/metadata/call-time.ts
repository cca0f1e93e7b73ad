/**
 * Call start times as they appear in call records and file names, read into an instant plus the
 * zone text it was read in. Wall-clock times without a zone are read in the given default zone;
 * the caller records which zone that was.
 */
export type TimeResult = { ok: true; instant: Date; zone: string } | { ok: false; problem: string };

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T _-]?(\d{2})(\d{2})(\d{2})?)?$/;

/** Reads `start` (date and time in one), or `date` + `time`, in `zone` unless they carry an offset. */
export function parseCallStart(
  parts: { start?: string; date?: string; time?: string },
  zone: string,
): TimeResult | null {
  const text = parts.start ?? (parts.date ? `${parts.date}${parts.time ? ` ${parts.time}` : ''}` : undefined);
  if (text === undefined) return null;
  const parsed = parseWallClock(text.trim());
  if (!parsed)
    return {
      ok: false,
      problem: `start time "${text}" is not a date and time Earshot can read (use e.g. 2022-03-14 15:30:12+03:00)`,
    };
  const invalid = calendarProblem(parsed.wall);
  if (invalid) return { ok: false, problem: `start time "${text}": ${invalid}` };
  const effectiveZone = parsed.offset ?? zone;
  const offsetMinutes = parseOffset(effectiveZone);
  if (offsetMinutes !== null) {
    return {
      ok: true,
      instant: new Date(wallToUtcMs(parsed.wall) - offsetMinutes * 60_000),
      zone: effectiveZone,
    };
  }
  if (!isIanaZone(effectiveZone)) return { ok: false, problem: `time zone "${effectiveZone}" is not known` };
  return { ok: true, instant: zonedToInstant(parsed.wall, effectiveZone), zone: effectiveZone };
}

/** True when `zone` is an offset (+03:00, UTC, Z) or an IANA zone name (Europe/Moscow). */
export function isKnownZone(zone: string): boolean {
  return parseOffset(zone) !== null || isIanaZone(zone);
}

function parseWallClock(text: string): { wall: WallClock; offset: string | null } | null {
  let m = ISO.exec(text);
  if (m) {
    return {
      wall: wall(m[1], m[2], m[3], m[4], m[5], m[6], m[7]),
      offset: m[8] ? m[8].toUpperCase() : null,
    };
  }
  m = DOTTED.exec(text);
  if (m) return { wall: wall(m[3], m[2], m[1], m[4], m[5], m[6], undefined), offset: null };
  m = COMPACT.exec(text);
  if (m) return { wall: wall(m[1], m[2], m[3], m[4], m[5], m[6], undefined), offset: null };
  return null;
}

function wall(...p: (string | undefined)[]): WallClock {
  const n = (v: string | undefined): number => (v ? Number(v) : 0);
  return {
    year: n(p[0]),
    month: n(p[1]),
    day: n(p[2]),
    hour: n(p[3]),
    minute: n(p[4]),
    second: n(p[5]),
    millisecond: p[6] ? Math.round(Number(`0.${p[6]}`) * 1000) : 0,
  };
}

function calendarProblem(w: WallClock): string | null {
  if (w.month < 1 || w.month > 12) return `month ${w.month} does not exist`;
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  if (w.day < 1 || w.day > daysInMonth)
    return `day ${w.day} does not exist in ${w.year}-${String(w.month).padStart(2, '0')}`;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return 'the time of day is out of range';
  if (w.year < 1970 || w.year > 2100) return `year ${w.year} is implausible for a call record`;
  return null;
}

function wallToUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** Minutes east of UTC for `Z`, `UTC`, `+03:00`, `+0300`, `+03`, `UTC+3`; null for anything else. */
export function parseOffset(zone: string): number | null {
  const z = zone.trim().toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant at which the wall clock in `zone` showed `w` (DST handled by re-checking the offset). */
function zonedToInstant(w: WallClock, zone: string): Date {
  const guess = wallToUtcMs(w);
  let instant = guess - zoneOffsetMs(guess, zone);
  instant = guess - zoneOffsetMs(instant, zone);
  return new Date(instant);
}

function zoneOffsetMs(instantMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** Reads a call duration: seconds (`93`, `93.5`) or `MM:SS` / `HH:MM:SS`. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return null;
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return null;
  return Number(m[1] ?? 0) * 3600 + minutes * 60 + seconds;
}
