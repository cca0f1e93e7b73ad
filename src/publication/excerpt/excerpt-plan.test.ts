import { describe, expect, it } from 'vitest';
import {
  call,
  currentSegmentIds,
  database,
  FORMS,
  plan,
  useExcerptFixture,
  users,
} from '../../../test/helpers/excerpt-fixture.ts';
import { addExportedFiles } from './provenance.ts';

// The plan of an excerpt of a demo call that names a soldier, his town, a comrade and a number:
// text and audio redaction and a provenance record that holds no protected form.

useExcerptFixture('excerpt_plan');

describe('the redaction plan of a call that names a soldier, his town, a comrade and a number', () => {
  const everyForm = Object.values(FORMS).flat();

  it('leaves no protected form in the Russian or the English of the excerpt', async () => {
    const result = await plan();
    const text = result.segments.flatMap((s) => [s.ru, s.en ?? '']).join('\n');
    for (const form of everyForm) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
    expect(result.segments.map((s) => s.ru)).toEqual([
      'Мам, привет. Это я, [Soldier A]. Это чужой номер.',
      '[Soldier A], живой! Ты где?',
      'Мы под [Town 1]. Стоим в посадке.',
      'Запиши лучше номер [Soldier B], он в соседнем батальоне: [Number 1]',
      '[Number 1].',
    ]);
    expect(result.segments[3]!.en).toBe(
      "Better write down [Soldier B] number, he's in the next battalion: [Number 1]",
    );
    expect(result.segments.map((s) => s.speaker)).toEqual([
      'Speaker 1',
      'Speaker 2',
      'Speaker 1',
      'Speaker 1',
      'Speaker 1',
    ]);
  });

  it('covers each protected word from its word timing, and the corrected segment whole, saying so', async () => {
    const result = await plan();
    const spans = result.audio.spans.map((s) => [
      Number(s.start.toFixed(2)),
      Number(s.end.toFixed(2)),
      s.reason,
    ]);
    expect(spans).toEqual([
      // "Дима" in the corrected first segment: no word timing, the whole segment.
      [0.6, 4.09, 'segment-fallback'],
      // "Димочка", the first word of the mother's segment: 4.61–4.86 s with 0.15 s each side.
      [4.46, 5.01, 'word-timing'],
      // "Харьковом", third word: 9.36–9.61 s.
      [9.21, 9.76, 'word-timing'],
      // "Вити Соколова", words 4–5: 61.7–62.25 s.
      [61.55, 62.4, 'word-timing'],
      // The number over two segments: "8 916 550" (words 9–11, 63.5–64.35 s) then "31 72" (67.0–67.55 s).
      [63.35, 64.5, 'word-timing'],
      [66.85, 67.7, 'word-timing'],
    ]);
    expect(result.audio.spans[0]!.fallbackSegmentIds).toEqual([currentSegmentIds[0]]);
    expect(result.audio.usedSegmentFallback).toBe(true);
    expect(result.provenance.redactions.audio).toMatchObject({
      mode: 'tone',
      spans: 6,
      wordTimingSpans: 5,
      segmentFallbackSpans: 1,
      segmentFallbackIds: [currentSegmentIds[0]],
    });
  });

  it('records a provenance that names the source, the versions, the models and the redactions', async () => {
    const { provenance } = await plan({ selection: { from: 0, to: 12 } });
    expect(provenance.source).toEqual({
      recordingId: call.id,
      sha256: call.sha256,
      collection: { id: call.collection_id, name: 'Demo' },
    });
    expect(provenance.selection).toEqual({
      from: 0,
      to: 12,
      // The clip's default margin of 0.5 s: clamped at the call's start, added at the end.
      clip: { from: 0, to: 12.5, marginSeconds: 0.5 },
      segmentIds: currentSegmentIds.slice(0, 3),
      requestedSegmentIds: null,
    });
    // The call was made in Kharkiv oblast, but "Kharkiv" is a protected town here: the region,
    // which would name it, is withheld.
    expect(provenance.call).toEqual({ month: '2022-03', region: 'withheld' });
    expect(provenance.transcript).toEqual({
      version: 2,
      kind: 'human',
      correctedByPerson: true,
      correctedSegmentIds: [currentSegmentIds[0]],
      machineSegmentIds: currentSegmentIds.slice(1, 3),
    });
    expect(provenance.models).toEqual({
      recogniser: { model: 'test-asr-ru', transcriptVersion: 1, files: { 'model.onnx': 'b'.repeat(64) } },
      translator: [{ engine: 'opus-mt', model: 'opus-mt-ru-en', modelSha256: 'c'.repeat(64) }],
      untranslatedSegmentIds: [],
      // The English of the corrected segment was made for the machine's text.
      staleTranslationSegmentIds: [currentSegmentIds[0]],
      humanTranslationSegmentIds: [],
    });
    expect(provenance.redactions.text).toEqual({ total: 6, byKind: { person: 4, place: 2 }, ru: 3, en: 3 });
    expect(provenance.redactions.identities.map((i) => i.pseudonym).sort()).toEqual(['Soldier A', 'Town 1']);
    expect(provenance.exported).toEqual({
      by: { userId: users.editor.userId, name: 'editor-user' },
      at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('holds no protected form, number, cell id, file name, place or exact time of the call', async () => {
    const { provenance } = await plan();
    const recording = await database.db
      .selectFrom('recordings')
      .selectAll()
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow();
    const json = JSON.stringify(provenance).toLowerCase();
    const withheld = [
      ...everyForm,
      recording.original_filename,
      recording.cell_id!,
      recording.caller_number!,
      recording.callee_number!,
      '1734482',
      '1234567',
      'ruska lozova',
      recording.call_started_at!.toISOString().slice(0, 10),
      '19:42',
      '16:42',
    ];
    for (const value of withheld) expect(json).not.toContain(value.toLowerCase());
  });

  it('withholds a collection name that names a protected identity', async () => {
    const { provenance } = await plan({ call: { ...call, collection_name: 'Дима и его рота' } });
    expect(provenance.source.collection).toEqual({ id: call.collection_id, name: 'withheld' });
  });

  it('adds the exported files with their hashes, refusing a name twice or a hash that is not SHA-256', async () => {
    const { provenance } = await plan();
    const files = [
      { name: 'excerpt.mp3', sha256: 'e'.repeat(64), bytes: 1000 },
      { name: 'excerpt.en.srt', sha256: 'f'.repeat(64), bytes: 200 },
    ];
    const withFiles = addExportedFiles(provenance, files);
    expect(withFiles.files).toEqual(files);
    expect(provenance.files).toEqual([]);
    expect(() => addExportedFiles(withFiles, [files[0]!])).toThrow('lists excerpt.mp3 twice');
    expect(() => addExportedFiles(provenance, [{ name: 'a.wav', sha256: 'XYZ', bytes: 1 }])).toThrow(
      'not a SHA-256 hex digest',
    );
  });
});
