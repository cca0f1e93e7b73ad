import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../src/db/database.ts';

// The synthetic calls corpus of `npm run bench:api` and `npm run bench:audit`: recordings with
// call metadata in five collections, a decode run each, and for 70% of them a one-segment machine
// transcript, an analysis run (category counts, triage score) and for one in ten a place. Written
// by a handful of INSERT … SELECT statements, not row by row.

/** The text of every segment unless a bench asks for varied text (an SQL expression over `id`). */
const DEFAULT_SEGMENT_TEXT = sql`'у нас двухсотые под бахмутом'`;

export async function fillCallsCorpus(
  db: Db,
  recordings: number,
  segmentText: RawBuilder<unknown> = DEFAULT_SEGMENT_TEXT,
): Promise<void> {
  await sql`
    INSERT INTO collections (name) SELECT 'Leak ' || n FROM generate_series(1, 5) n;
    INSERT INTO recordings (sha256, size_bytes, collection_id, original_filename, store_path,
      caller_number, callee_number, call_started_at, metadata_origin, created_at)
    SELECT encode(sha256(n::text::bytea), 'hex'), 1000 + n,
      (SELECT id FROM collections ORDER BY name OFFSET (n % 5) LIMIT 1),
      'call-' || n || '.amr', 'x/' || n,
      '+7916' || lpad((n::bigint * 7919 % 10000000)::text, 7, '0'),
      '+38050' || lpad((n::bigint * 104729 % 10000000)::text, 7, '0'),
      timestamptz '2022-01-01' + (n * interval '15 minutes'),
      CASE WHEN n % 3 = 0 THEN 'sidecar' WHEN n % 3 = 1 THEN 'filename' END,
      now() - (n * interval '1 second')
    FROM generate_series(1, ${sql.lit(recordings)}) n;
    INSERT INTO stage_runs (recording_id, stage, status, error)
    SELECT id, 'decode', CASE WHEN random() < 0.02 THEN 'failed' ELSE 'done' END, NULL FROM recordings;
  `.execute(db);
  // Analysis of 70% of the calls: a one-segment transcript, a run with category counts and a triage
  // score, and a place mentioned in every tenth call (50 places). analysis_current is filled by
  // the database's own triggers when this statement commits, as it is for real runs.
  await sql`
    INSERT INTO transcripts (recording_id, version, kind, created_by, model)
    SELECT id, 1, 'machine', 'bench', 'bench-asr' FROM recordings WHERE abs(hashtext(id::text)) % 10 < 7;
    INSERT INTO transcript_segments (transcript_id, position, channel, lane, start_seconds, end_seconds, text)
    SELECT id, 0, 0, 'channel-0', 0, 5, ${segmentText} FROM transcripts;
    INSERT INTO analysis_runs (recording_id, transcript_id, created_by, lexicon_version, analyser_version,
      segments, language, counts, casualties, triage_score, triage_reasons)
    SELECT t.recording_id, t.id, 'bench', 'bench', 'bench', 1, '{"code":"ru"}',
      jsonb_build_object(
        (ARRAY['casualties_killed','casualties_wounded','refusal_to_fight','desertion','looting',
               'mobilisation','morale','weapons_and_shelling'])[1 + abs(hashtext(t.id::text)) % 8],
        1 + abs(hashtext(t.recording_id::text)) % 4),
      '{"killed": 2, "wounded": null, "missing": null}',
      abs(hashtext(t.id::text || 'triage')) % 1000 / 10.0, '[]'
    FROM transcripts t;
    INSERT INTO analysis_entities (run_id, transcript_segment_id, kind, start_offset, end_offset, surface,
      value, confidence, rule, place_id, place_name_en, place_name_ru, lat, lon, country)
    SELECT a.id, s.id, 'place', 20, 28, 'бахмутом', 'Place ' || p.n, 0.8, 'bench', (700000 + p.n)::text,
      'Place ' || p.n, 'Место ' || p.n, 48 + p.n / 100.0, 37 + p.n / 100.0, 'UA'
    FROM analysis_runs a JOIN transcript_segments s ON s.transcript_id = a.transcript_id
    CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text)) % 50 AS n) p
    WHERE abs(hashtext(a.recording_id::text || 'place')) % 10 = 0;
  `.execute(db);
  // As autovacuum leaves tables soon after a bulk load (it vacuums after inserts too): statistics,
  // and the visibility map that lets index-only scans skip the table.
  await sql`VACUUM ANALYZE`.execute(db);
}
