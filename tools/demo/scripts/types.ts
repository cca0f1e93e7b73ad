import { digitsToWords, numberToWords } from '../markup.ts';

// A call script: who calls whom, when, in which container, and the turns in markup (see
// ../markup.ts). Turns alternate caller, callee, caller… starting with the caller.

export type DemoFormat = 'ogg' | 'mp3' | 'wav-pcm' | 'wav-ulaw' | 'flac' | 'm4a' | 'amr';

export interface Party {
  /** E.164, the truth. */
  e164: string;
  /** How the number is written in the CSV: humans write numbers many ways. */
  csv: string;
  /** Stable speaker id: the same person keeps the same id and voice across calls. */
  speaker: string;
  /** espeak-ng voice, e.g. ru+m3. */
  voice: string;
}

export interface Turn {
  say: string;
  en: string;
}

export interface CallScript {
  /** Start time, ISO 8601 with offset. */
  start: string;
  format: DemoFormat;
  /** Opaque file stem (metadata only in the CSV); otherwise the name carries time and numbers. */
  opaqueName?: string;
  caller: Party;
  callee: Party;
  cellId: string;
  location: string;
  source: string;
  batch: string;
  operatorNote: string;
  summaryEn: string;
  turns: Turn[];
}

/** A number written as digits, spoken as words; pass `spoken` when the case is not nominative. */
export function n(value: number, spoken?: string): string {
  return `{${value}|${spoken ?? numberToWords(value)}}`;
}

/** A phone number dictated digit by digit, annotated with its E.164 form. */
export function phone(written: string, e164: string): string {
  return `[{${written}|${digitsToWords(written)}}](phone:phone_number=${e164})`;
}

/** Shorthand for a code word or category span with an optional count. */
export function code(surface: string, category: string, count?: number): string {
  return `[${surface}](code_word:${category}${count === undefined ? '' : `=${count}`})`;
}

export function cat(surface: string, category: string): string {
  return `[${surface}](category:${category})`;
}

export function place(surface: string, english: string, label = 'city'): string {
  return `[${surface}](place:${label}=${english})`;
}

export function person(surface: string, label = 'first_name'): string {
  return `[${surface}](person:${label})`;
}

/** A military unit number such as в/ч 12345, spoken digit-group by group as people do. */
export function unit(written: string, spoken: string, value: string, label = 'military_unit'): string {
  return `[{${written}|${spoken}}](unit:${label}=${value})`;
}

export function callSign(surface: string, latin: string): string {
  return `[${surface}](call_sign:call_sign=${latin})`;
}
