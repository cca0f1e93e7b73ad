import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './verify.mjs';

// verify.mjs carries its own RFC 8785 serialisation (it may import nothing), and audit entry
// hashes only recompute if it writes exactly what the 'canonicalize' package wrote when the entry
// was appended (src/audit/audit-log.ts). Compared here on fixed hard cases and on many generated
// values.

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'B',
  'é',
  'e\u0301',
  '€',
  '😀',
  '\u0000',
  '\u001f',
  '\u007f',
  '"',
  '\\',
  '/',
  '\n',
  '\u2028',
  'Ж',
  '\uffff',
  '𝄞',
  ' ',
];

function randomString(next: () => number): string {
  let text = '';
  const length = Math.floor(next() * 6);
  for (let i = 0; i < length; i++) {
    text +=
      next() < 0.5
        ? PIECES[Math.floor(next() * PIECES.length)]!
        : String.fromCodePoint(Math.floor(next() * 0xd7ff));
  }
  return text;
}

function randomNumber(next: () => number): number {
  const pick = Math.floor(next() * 6);
  if (pick === 0) return Math.floor((next() - 0.5) * 2 ** 53);
  if (pick === 1) return (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
  if (pick === 2) return next() * 10 ** Math.floor(next() * 600 - 300);
  if (pick === 3)
    return [0, -0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, 0.1 + 0.2, 2 ** 53 + 2][Math.floor(next() * 8)]!;
  if (pick === 4) return Math.round(next() * 1000) / 100;
  return Math.floor(next() * 100);
}

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 5 : 7));
  if (pick === 0) return null;
  if (pick === 1) return next() < 0.5;
  if (pick === 2) return randomNumber(next);
  if (pick === 3 || pick === 4) return randomString(next);
  if (pick === 5) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const object: Record<string, unknown> = {};
  const keys = Math.floor(next() * 5);
  for (let i = 0; i < keys; i++) object[randomString(next)] = randomValue(next, depth + 1);
  return object;
}

describe('canonicalJson (the JCS of verify.mjs)', () => {
  it.each([
    [
      'numbers',
      [
        0, -0, 1, -1, 1.5, 1e21, 1e20, 1e-6, 1e-7, 123456789012345680000, 0.000001234, 5e-324,
        1.7976931348623157e308, 333333333.3333333,
      ],
    ],
    [
      'key order by UTF-16 code units',
      {
        b: 1,
        a: 2,
        B: 3,
        é: 4,
        'e\u0301': 5,
        '€': 6,
        '😀': 7,
        '\uffff': 8,
        '': 9,
        aa: 10,
        '10': 11,
        '9': 12,
      },
    ],
    [
      'escapes and unicode',
      ['\u0000\u0008\t\n\f\r\u001f', '"\\/', '\u007f\u0080\u2028\u2029', 'Прослушано «полностью» — 🎧'],
    ],
    ['nested objects', { z: { y: [{ b: null, a: [true, false, { d: 1, c: [] }] }], x: {} }, a: [[[]]] }],
    [
      'undefined and functions dropped as the package drops them',
      { a: undefined, b: [undefined, 1], c: 'x' },
    ],
    ['a date, through toJSON', { at: new Date('2026-12-07T10:00:00.123Z') }],
  ])('writes %s as the canonicalize package does', (_name, value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('writes 5,000 generated values as the canonicalize package does', () => {
    const next = random(20261207);
    for (let i = 0; i < 5000; i++) {
      const value = randomValue(next, 0);
      expect(canonicalJson(value), JSON.stringify(value)).toBe(canonicalize(value));
    }
  });

  it('refuses what has no canonical form, as the package does', () => {
    for (const value of [
      Number.NaN,
      Infinity,
      -Infinity,
      'lone \ud800 surrogate',
      '\udc00',
      { k: 'x\ud83d' },
    ]) {
      expect(() => canonicalize(value)).toThrow();
      expect(() => canonicalJson(value)).toThrow(/no canonical JSON form/);
    }
  });
});
