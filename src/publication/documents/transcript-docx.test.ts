import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../test/helpers/evidence-bundle-reader.ts';
import { type TranscriptDocument, buildTranscriptDocx, clipTimestamp } from './transcript-docx.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-docx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const transcript: TranscriptDocument = {
  title: 'Excerpt: a soldier calls his mother',
  provenance: {
    sourceSha256: 'a'.repeat(64),
    transcriptVersion: 3,
    correctedByPerson: true,
    models: [
      { role: 'speech recognition', name: 'whisper-small', version: 'ggml q5' },
      { role: 'translation', name: 'opus-mt-ru-en' },
    ],
    exportedAt: new Date('2026-12-07T08:00:00Z'),
  },
  rows: [
    {
      start: 0.6,
      end: 4.09,
      speaker: 'Soldier A',
      russian: 'Мам, привет. Это я, [имя]. Это не мой номер.',
      english: "Mum, hi. It's me, [name]. This isn't my number.",
      origin: { russian: 'human-corrected', english: 'machine' },
    },
    {
      start: 64.2,
      end: 70,
      speaker: "A's mother",
      russian: 'Опять «двухсотые» были?',
      english: 'Were there "two hundreds" again?',
      origin: { russian: 'machine', english: 'human-corrected' },
      notes: [{ term: 'двухсотые', gloss: '"Cargo 200": military slang for soldiers killed.' }],
    },
  ],
};

async function docxEntries(doc: TranscriptDocument): Promise<Map<string, string>> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(file, await buildTranscriptDocx(doc));
  const { entries } = await readBundle(file);
  return new Map([...entries].map(([name, bytes]) => [name, bytes.toString('utf8')]));
}

// The visible text of a WordprocessingML part: the runs' text joined, tags dropped.
const unescapeXml = (text: string) =>
  text
    .replaceAll('&apos;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
const visibleText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
// The values of a property part's elements.
const propertyValues = (xml: string) => [...xml.matchAll(/>([^<]+)</g)].map((m) => unescapeXml(m[1] ?? ''));

describe('buildTranscriptDocx', () => {
  it('writes the title, provenance, one row per segment with honest labels, and footnotes', async () => {
    const entries = await docxEntries(transcript);
    const document = entries.get('word/document.xml')!;
    const text = visibleText(document);
    expect(text).toContain('Excerpt: a soldier calls his mother');
    expect(text).toContain(`Source recording SHA-256: ${'a'.repeat(64)}`);
    expect(text).toContain('Transcript version 3; a person corrected parts of it');
    expect(text).toContain('Models: speech recognition: whisper-small ggml q5; translation: opus-mt-ru-en');
    // Header row plus one row per segment.
    expect(document.match(/<w:tr[ >]/g)).toHaveLength(3);
    const rows = document
      .split(/<w:tr[ >]/)
      .slice(2)
      .map(visibleText);
    expect(rows[0]).toBe(
      '00:00.6Soldier AМам, привет. Это я, [имя]. Это не мой номер.[transcript corrected by a person]' +
        "Mum, hi. It's me, [name]. This isn't my number.[machine translation]",
    );
    expect(rows[1]).toContain("01:04.2A's mother");
    expect(rows[1]).toContain('[machine transcript]');
    expect(rows[1]).toContain('[translation corrected by a person]');
    // The code word's note is a footnote referenced from its row.
    expect(document.split(/<w:tr[ >]/)[3]).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(visibleText(entries.get('word/footnotes.xml')!)).toContain(
      `Translator's note: «двухсотые»: "Cargo 200": military slang for soldiers killed.`,
    );
  });

  it('names only Earshot in the file properties: no user, host or company', async () => {
    const entries = await docxEntries(transcript);
    const core = entries.get('docProps/core.xml')!;
    expect(core).toContain('<dc:creator>Earshot</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Earshot</cp:lastModifiedBy>');
    expect(core).not.toMatch(/Un-named|<dc:title>|<dc:description>/);
    expect(entries.get('docProps/app.xml') ?? '').not.toMatch(/<Company>|<Manager>/);
    const values = [...entries]
      .filter(([name]) => name.startsWith('docProps/'))
      .flatMap(([, xml]) => propertyValues(xml));
    expect(values.length).toBeGreaterThan(2);
    for (const value of values) {
      expect(value).not.toContain(os.userInfo().username);
      expect(value).not.toContain(os.hostname());
    }
  });

  it('says when no person corrected the transcript, and refuses a malformed hash', async () => {
    const machine = { ...transcript, provenance: { ...transcript.provenance, correctedByPerson: false } };
    expect(visibleText((await docxEntries(machine)).get('word/document.xml')!)).toContain(
      'machine output, not corrected by a person',
    );
    const bad = { ...transcript, provenance: { ...transcript.provenance, sourceSha256: 'abc' } };
    await expect(buildTranscriptDocx(bad)).rejects.toThrow(/SHA-256/);
  });

  it('formats clip times', () => {
    expect(clipTimestamp(0)).toBe('00:00.0');
    expect(clipTimestamp(64.24)).toBe('01:04.2');
    expect(clipTimestamp(3725.05)).toBe('1:02:05.1');
  });
});
