import { sql, type Kysely } from 'kysely';
import { refreshFunction } from './0020-analysis-collection.ts';

// Meaning flags (issue 16): beside the lexicon, which flags the words it was written from, a
// classifier flags segments by what they mean ("I'm going home whatever it costs" is desertion
// without a single desertion word). Its flags are machine judgement, kept apart from the
// lexicon's matches so that the desk and the API can always say which a flag came from.
//
// analysis_meaning_flags is write-once like the run it belongs to: one row per segment and
// category the classifier reported, with its confidence, whether the lexicon flags the same
// category in that segment (words and meaning agree), and the phrases that weighed most.
//
// analysis_runs.classifier_version names the model (NULL: a run made before the classifier), so
// that a new model analyses again as a new lexicon or analyser does. meaning_counts holds, per
// category, the segments the classifier flags (confidence >= 0.9) where the lexicon does not:
// what meaning adds to the lexicon's counts. analysis_current adds them to its categories and
// mentions, so the Calls filter, the trend charts and the list agree with the call's flags.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE analysis_runs ADD COLUMN classifier_version text;
    ALTER TABLE analysis_runs ADD COLUMN meaning_counts jsonb NOT NULL DEFAULT '{}';
    ALTER TABLE analysis_current ADD COLUMN meaning_counts jsonb NOT NULL DEFAULT '{}';

    CREATE TABLE analysis_meaning_flags (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id uuid NOT NULL REFERENCES analysis_runs(id),
      transcript_segment_id bigint NOT NULL REFERENCES transcript_segments(id),
      category text NOT NULL,
      confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
      -- The lexicon flags the same category in the same segment (confidence >= 0.5).
      lexicon_agrees boolean NOT NULL,
      -- [{start, end, surface, weight}]: UTF-16 offsets into the segment's text, heaviest first.
      phrases jsonb NOT NULL CHECK (jsonb_typeof(phrases) = 'array'),
      UNIQUE (run_id, transcript_segment_id, category)
    );

    CREATE TRIGGER analysis_meaning_flags_no_change BEFORE UPDATE OR DELETE ON analysis_meaning_flags
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER analysis_meaning_flags_no_truncate BEFORE TRUNCATE ON analysis_meaning_flags
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
  `.execute(db);
  await refreshFunction(db, true, true, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await refreshFunction(db, true, true, false);
  await sql`
    DROP TABLE analysis_meaning_flags;
    ALTER TABLE analysis_current DROP COLUMN meaning_counts;
    ALTER TABLE analysis_runs DROP COLUMN meaning_counts;
    ALTER TABLE analysis_runs DROP COLUMN classifier_version;
  `.execute(db);
}
