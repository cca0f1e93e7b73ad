import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ffmpegPath } from '../../media/ffmpeg-binaries.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import type { ProtectedIdentity } from '../protected-identity.ts';
import { PHONE_PATTERN } from './leak-hit.ts';
import { describeLeakHit, scanExportFiles } from './scan-export.ts';

const register: ProtectedIdentity[] = [
  {
    id: 'soldier',
    collectionId: 'c1',
    kind: 'person',
    label: 'Дмитрий Коваленко',
    pseudonym: 'Soldier A',
    person: { firstName: 'Дмитрий', surname: 'Коваленко', gender: 'male' },
  },
  { id: 'town', collectionId: 'c1', kind: 'place', label: 'Купянск', pseudonym: 'Town 1' },
  { id: 'phone', collectionId: 'c1', kind: 'phone', label: '+79161234567', pseudonym: 'Number 1' },
];
const matcher = buildIdentityMatcher(register);
let folder: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-leak-test-'));
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const escapeNonAscii = (text: string): string =>
  text.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

async function docx(paragraphs: TextRun[][], creator: string): Promise<Buffer> {
  const document = new Document({
    creator,
    title: 'Excerpt',
    sections: [{ children: paragraphs.map((children) => new Paragraph({ children })) }],
  });
  return Packer.toBuffer(document);
}

function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

function mp3(name: string, title: string): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '0.3',
    '-metadata', `title=${title}`, '-c:a', 'libmp3lame', '-y', file]); // prettier-ignore
  return file;
}

const scan = (files: string[]) => scanExportFiles(files, matcher);

describe('scanExportFiles', () => {
  it('finds names and numbers in plain text, SRT and VTT, with line and column', async () => {
    const text = write('a/transcript.txt', 'Первая строка\nпередай Диме привет из Купянска\n');
    const srt = write('a/captions.srt', '1\n00:00:01,000 --> 00:00:03,500\nЗвони на 8 (916) 123-45-67\n');
    const vtt = write(
      'a/captions.vtt',
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.500\nDmitry Kovalenko from Kupiansk\n',
    );
    const hits = await scan([text, srt, vtt]);
    expect(
      hits.map((hit) => [hit.file.split('/').pop(), hit.what, hit.matched, hit.line, hit.column]),
    ).toEqual([
      ['transcript.txt', 'Soldier A', 'Диме', 2, 9],
      ['transcript.txt', 'Town 1', 'Купянска', 2, 24],
      ['captions.srt', 'Number 1', '8 (916) 123-45-67', 3, 10],
      ['captions.vtt', 'Soldier A', 'Dmitry Kovalenko', 4, 1],
      ['captions.vtt', 'Town 1', 'Kupiansk', 4, 23],
    ]);
    expect(describeLeakHit(hits[0]!)).toMatch(
      /transcript\.txt \(line 2, column 9\): text names Soldier A: "Диме"/,
    );
  });

  it('reads JSON escapes, percent encoding and UTF-16', async () => {
    const json = write(
      'b/provenance.json',
      `{"speaker": "${escapeNonAscii('Дмитрий Коваленко')}", "from": "x"}`,
    );
    const url = write('b/link.txt', `https://example.org/?q=${encodeURIComponent('Купянск')}`);
    const utf16 = write(
      'b/notes-utf16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Купянск', 'utf16le')]),
    );
    const hits = await scan([json, url, utf16]);
    expect(hits.map((hit) => [hit.what, hit.encoding])).toEqual([
      ['Soldier A', 'escaped'],
      ['Town 1', 'escaped'],
      ['Town 1', 'utf-16le'],
    ]);
  });

  it('reads a DOCX: a name split across runs, and the document properties', async () => {
    const file = write(
      'c/transcript.docx',
      await docx(
        [
          [
            new TextRun('Говорит '),
            new TextRun({ text: 'Ковал', bold: true }),
            new TextRun({ text: 'енко', italics: true }),
          ],
        ],
        'Soldier A',
      ),
    );
    const hits = await scan([file]);
    expect(hits.map((hit) => [hit.entry, hit.matched])).toEqual([['word/document.xml', 'Коваленко']]);
    const byCreator = await scan([
      write('c/meta.docx', await docx([[new TextRun('Ничего')]], 'Дмитрий Коваленко')),
    ]);
    expect(byCreator.map((hit) => [hit.entry, hit.matched])).toEqual([
      ['docProps/core.xml', 'Дмитрий Коваленко'],
    ]);
  });

  it('reads file names and archive entry names and contents', async () => {
    const named = write('d/Коваленко-clip.txt', 'nothing here');
    const archive = write(
      'd/package.zip',
      await zipOf({ 'kupyansk/readme.txt': 'nothing', 'notes.txt': 'call +380 67 220 59 16' }),
    );
    const hits = await scan([named, archive]);
    expect(hits.map((hit) => [hit.where, hit.entry ?? '', hit.what, hit.matched])).toEqual([
      ['file name', '', 'Soldier A', 'Коваленко'],
      ['entry name', 'kupyansk/readme.txt', 'Town 1', 'kupyansk'],
      ['text', 'notes.txt', PHONE_PATTERN, '+380 67 220 59 16'],
    ]);
  });

  it('reads archives inside archives, and the tags of audio inside an archive', async () => {
    const inner = await zipOf({ 'notes.txt': 'из Купянска' });
    const zip = new yazl.ZipFile();
    zip.addBuffer(inner, 'inner.zip');
    zip.addFile(mp3('g/tagged.mp3', 'Дима'), 'audio/clip.mp3');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const hits = await scan([write('g/outer.zip', Buffer.concat(chunks))]);
    expect(hits.map((hit) => [hit.entry, hit.where, hit.matched])).toEqual([
      ['inner.zip/notes.txt', 'text', 'Купянска'],
      ['audio/clip.mp3', 'metadata tag', 'Дима'],
    ]);
  });

  it('refuses to vouch for a link it cannot read as a file', async () => {
    const linked = path.join(folder, 'h');
    fs.mkdirSync(linked);
    fs.symlinkSync('/etc/hostname', path.join(linked, 'excerpt.txt'));
    await expect(scanExportFiles(linked, matcher)).rejects.toThrow(
      /reads only regular files, and excerpt\.txt is not one/,
    );
  });

  it('reads the tags of an MP3, not its sound', async () => {
    const hits = await scan([mp3('e/clip.mp3', 'Звонок Дмитрия Коваленко')]);
    expect(hits.map((hit) => [hit.where, hit.tag, hit.matched])).toEqual([
      ['metadata tag', 'format title', 'Дмитрия Коваленко'],
    ]);
  });

  it('passes a clean export folder and finds a name cut by a read-chunk boundary', async () => {
    const clean = path.join(folder, 'clean');
    fs.mkdirSync(clean);
    fs.writeFileSync(
      path.join(clean, 'excerpt.srt'),
      '1\n00:00:01,000 --> 00:00:02,000\n[Soldier A] из [Town 1], 2026-12-07\n',
    );
    fs.copyFileSync(mp3('clean-clip.mp3', 'Excerpt 1'), path.join(clean, 'excerpt.mp3'));
    fs.writeFileSync(
      path.join(clean, 'excerpt.docx'),
      await docx([[new TextRun('[Soldier A] говорит')]], 'Earshot'),
    );
    expect(await scanExportFiles(clean, matcher)).toEqual([]);
    // ASCII padding puts the name's bytes across the 1 MiB boundary of the first read.
    const big = 'a'.repeat(1024 * 1024 - 3) + ' Коваленко ' + 'б'.repeat(1000);
    const hits = await scan([write('f/big.txt', big)]);
    expect(hits.map((hit) => [hit.matched, hit.line, hit.column])).toEqual([
      ['Коваленко', 1, 1024 * 1024 - 1],
    ]);
  });
});
