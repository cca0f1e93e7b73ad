import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * The DOCX transcript of an excerpt: speakers by pseudonym, clip timestamps, Russian and English
 * side by side, code words explained in footnotes (translator's notes), every text labelled as
 * machine output or corrected by a person, and the provenance that lets a reader check it. The
 * text comes in already redacted. The file's own properties name only Earshot: no user, no
 * company; its dates are the moment it is built, at export.
 */

export type TextOrigin = 'machine' | 'human-corrected';

export interface TranslatorNote {
  /** The word as it stands in the text (a code word, slang, an abbreviation). */
  term: string;
  gloss: string;
}

export interface TranscriptRow {
  /** Seconds from the start of the clip. */
  start: number;
  end: number;
  /** A pseudonym, never a name. */
  speaker: string;
  russian: string;
  english: string;
  origin: { russian: TextOrigin; english: TextOrigin };
  notes?: readonly TranslatorNote[];
}

export interface TranscriptModel {
  /** What it did: "speech recognition", "translation", "diarisation". */
  role: string;
  name: string;
  version?: string;
}

export interface TranscriptDocument {
  title: string;
  provenance: {
    sourceSha256: string;
    transcriptVersion: number;
    /** Whether a person corrected any part of this transcript version. */
    correctedByPerson: boolean;
    models: readonly TranscriptModel[];
    /** The export time (its day is printed); the file's own dates are when it is built. */
    exportedAt: Date;
  };
  rows: readonly TranscriptRow[];
}

/** Bad transcript input: nothing was written. */
export class TranscriptInputError extends Error {}

const AUTHOR = 'Earshot';
const LABELS: Record<'russian' | 'english', Record<TextOrigin, string>> = {
  russian: { machine: 'machine transcript', 'human-corrected': 'transcript corrected by a person' },
  english: { machine: 'machine translation', 'human-corrected': 'translation corrected by a person' },
};
// Landscape A4 is 15 840 twips wide less margins: time, speaker, then the two languages.
const COLUMN_PERCENT = [9, 13, 39, 39] as const;

/** mm:ss.s of a clip time (h:mm:ss.s past an hour). */
export function clipTimestamp(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor(tenths / 600) % 60;
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}

function checkInput(doc: TranscriptDocument): void {
  if (!/^[0-9a-f]{64}$/.test(doc.provenance.sourceSha256)) {
    throw new TranscriptInputError('the source SHA-256 must be 64 lower-case hex digits');
  }
  for (const row of doc.rows) {
    if (!Number.isFinite(row.start) || !Number.isFinite(row.end) || row.end < row.start) {
      throw new TranscriptInputError(
        `a transcript row must end after it starts (got ${row.start}–${row.end} s)`,
      );
    }
  }
}

function provenanceParagraphs(doc: TranscriptDocument): Paragraph[] {
  const p = doc.provenance;
  const models = p.models.map((m) => `${m.role}: ${m.name}${m.version ? ` ${m.version}` : ''}`).join('; ');
  const lines = [
    `Source recording SHA-256: ${p.sourceSha256}`,
    `Transcript version ${p.transcriptVersion}; ` +
      (p.correctedByPerson
        ? 'a person corrected parts of it (labelled below).'
        : 'machine output, not corrected by a person.'),
    `Models: ${models || 'none recorded'}`,
    `Exported: ${p.exportedAt.toISOString().slice(0, 10)}. Times are from the start of the audio clip.`,
    'Identities are replaced by pseudonyms or markers; withheld audio is a tone or silence.',
  ];
  return lines.map((text) => new Paragraph({ children: [new TextRun({ text, size: 18 })] }));
}

function cell(children: Paragraph[], percent: number): TableCell {
  return new TableCell({ children, width: { size: percent, type: WidthType.PERCENTAGE } });
}

function label(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: `[${text}]`, italics: true, size: 16, color: '555555' })],
  });
}

/** Builds the rows; footnotes are numbered from 1 in order of appearance. */
function transcriptTable(
  rows: readonly TranscriptRow[],
  footnotes: Record<string, { children: Paragraph[] }>,
): Table {
  let nextNote = 1;
  const header = new TableRow({
    tableHeader: true,
    children: ['Time', 'Speaker', 'Russian', 'English'].map((title, i) =>
      cell(
        [new Paragraph({ children: [new TextRun({ text: title, bold: true })] })],
        COLUMN_PERCENT[i] ?? 25,
      ),
    ),
  });
  const body = rows.map((row) => {
    const noteRuns = (row.notes ?? []).map((note) => {
      const id = nextNote++;
      footnotes[String(id)] = {
        children: [
          new Paragraph({
            children: [new TextRun({ text: `Translator's note: «${note.term}»: ${note.gloss}` })],
          }),
        ],
      };
      return new FootnoteReferenceRun(id);
    });
    return new TableRow({
      cantSplit: true,
      children: [
        cell([new Paragraph(clipTimestamp(row.start))], COLUMN_PERCENT[0]),
        cell([new Paragraph(row.speaker)], COLUMN_PERCENT[1]),
        cell([new Paragraph(row.russian), label(LABELS.russian[row.origin.russian])], COLUMN_PERCENT[2]),
        cell(
          [
            new Paragraph({ children: [new TextRun(row.english), ...noteRuns] }),
            label(LABELS.english[row.origin.english]),
          ],
          COLUMN_PERCENT[3],
        ),
      ],
    });
  });
  return new Table({ rows: [header, ...body], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** The DOCX file's bytes. */
export async function buildTranscriptDocx(doc: TranscriptDocument): Promise<Buffer> {
  checkInput(doc);
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const table = transcriptTable(doc.rows, footnotes);
  const document = new Document({
    creator: AUTHOR,
    lastModifiedBy: AUTHOR,
    footnotes,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.HEADING_1 }),
          ...provenanceParagraphs(doc),
          new Paragraph(''),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
