import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testIdentity } from '../../../test/helpers/literal-test-matcher.ts';
import type { TranscriptWord } from '../../db/schema.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import { scanExportFiles } from '../leak-check/scan-export.ts';
import type { ExcerptSourceSegment } from './call-transcript.ts';
import { redactSegments } from './text-redaction.ts';

// The parts of publication together, with the forms module's real matcher: a call that names a
// soldier (declined, by a pet name), his mother's town and his number (dictated over two turns,
// in words) is redacted in Russian and English, and the leak check passes the redacted text and
// refuses the text as it was.

const soldier = testIdentity('person', 'Дмитрий Коваленко', 'Soldier A', {
  person: { firstName: 'Дмитрий', surname: 'Коваленко', gender: 'male' },
});
const town = testIdentity('place', 'Купянск', 'Town 1');
const phone = testIdentity('phone', '+79161234567', 'Number 1');
const matcher = buildIdentityMatcher([soldier, town, phone]);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-redaction-leak-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function segment(id: string, text: string, en: string, start: number): ExcerptSourceSegment {
  const words: TranscriptWord[] = text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({ w, start: start + i * 0.4, end: start + i * 0.4 + 0.3, conf: 0.9 }));
  return {
    id,
    position: Number(id),
    channel: 0,
    lane: 'channel-0',
    start,
    end: start + 5,
    text,
    words,
    corrected: false,
    translation: {
      kind: 'machine',
      text: en,
      status: 'translated',
      engine: 'opus-mt',
      model: 'opus-mt-ru-en',
      modelSha256: null,
      translationId: 't-1',
      createdBy: null,
      stale: false,
    },
  };
}

const call = [
  segment('1', 'мама это Дима у нас тут двое двухсотых', "mum it's Dima we have two 200s here", 0),
  segment('2', 'передай Коваленко что я под Купянском', 'tell Kovalenko I am near Kupyansk', 5),
  segment('3', 'запиши номер восемь девятьсот шестнадцать', 'write down the number eight nine sixteen', 10),
  segment(
    '4',
    'сто двадцать три сорок пять шестьдесят семь',
    'one hundred twenty three forty five sixty seven',
    15,
  ),
];

function write(name: string, lines: readonly string[]): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('redaction with the real matcher, then the leak check', () => {
  it('redacts the soldier, the town and the number said over two turns, and the redacted text passes', async () => {
    const result = redactSegments(call, matcher, 'rec-1');
    const ru = result.segments.map((s) => s.ru);
    const en = result.segments.map((s) => s.en ?? '');
    expect(ru[0]).toContain('[Soldier A]');
    expect(ru[1]).toBe('передай [Soldier A] что я под [Town 1]');
    expect(en[1]).toBe('tell [Soldier A] I am near [Town 1]');
    expect(ru[2]).toContain('[Number 1]');
    expect(ru[3]).toBe('[Number 1]');
    expect(result.ruMentions.filter((m) => m.spread).map((m) => m.segmentIndex)).toEqual([2, 3]);

    const redacted = write('excerpt.txt', [...ru, ...en]);
    expect(await scanExportFiles([redacted], matcher)).toEqual([]);
  });

  it('refuses the same text unredacted, naming each identity', async () => {
    const raw = write('raw.txt', [...call.map((s) => s.text), ...call.map((s) => s.translation?.text ?? '')]);
    const hits = await scanExportFiles([raw], matcher);
    const found = new Set(hits.map((h) => JSON.stringify(h)));
    expect(found.size).toBeGreaterThan(0);
    const text = JSON.stringify(hits);
    for (const name of ['Soldier A', 'Town 1', 'Number 1']) expect(text).toContain(name);
  });
});
