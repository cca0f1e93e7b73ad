import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { FingerprintChannel } from '../db/schema.ts';
import { bestAlignment, indexTerms, MATCH_SCORE, type Alignment } from './alignment.ts';
import { ITEM_SECONDS } from './fpcalc-engine.ts';

// Storing fingerprints and turning them into duplicate leads. Runs inside the fingerprint stage's
// transaction, under one advisory lock: two copies of a call fingerprinted at the same moment
// would otherwise each miss the other's uncommitted fingerprints.

export interface ChannelFingerprint {
  channel: FingerprintChannel;
  items: Uint32Array;
  durationSeconds: number;
}

export interface FoundLead {
  otherRecordingId: string;
  channelOfThis: FingerprintChannel;
  channelOfOther: FingerprintChannel;
  overlapSeconds: number;
  /** Where the other call's start lies in this one (negative: it starts before). */
  offsetSeconds: number;
  score: number;
  bitErrorRate: number;
}

/** Recordings sharing at least this many index terms are aligned; unrelated demo calls share ≤ 12. */
const MIN_SHARED_TERMS = 8;
/** At most this many candidates per new recording, most shared terms first. */
const MAX_CANDIDATES = 50;
/** Key of the advisory lock that serialises matching ('fprt'). */
const MATCHING_LOCK = 0x66707274;

const toInt4 = (items: Uint32Array): number[] =>
  Array.from(new Int32Array(items.buffer, items.byteOffset, items.length));
const fromInt4 = (items: number[]): Uint32Array => new Uint32Array(Int32Array.from(items).buffer);

/**
 * Replaces the recording's fingerprints and index terms, then finds the recordings that sound like
 * it and records a lead per pair (refreshing the measurements of a lead already there, keeping its
 * decision). Returns the leads found now.
 */
export async function storeFingerprintsAndMatch(
  trx: Db,
  recordingId: string,
  fingerprints: readonly ChannelFingerprint[],
  fpcalcVersion: string,
): Promise<FoundLead[]> {
  await sql`SELECT pg_advisory_xact_lock(${MATCHING_LOCK})`.execute(trx);
  await trx.deleteFrom('fingerprint_terms').where('recording_id', '=', recordingId).execute();
  await trx.deleteFrom('recording_fingerprints').where('recording_id', '=', recordingId).execute();
  const allTerms = new Set<number>();
  for (const fp of fingerprints) {
    const { id } = await trx
      .insertInto('recording_fingerprints')
      .values({
        recording_id: recordingId,
        channel: fp.channel,
        items: toInt4(fp.items),
        duration_seconds: fp.durationSeconds,
        fpcalc_version: fpcalcVersion,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const terms = indexTerms(fp.items);
    terms.forEach((t) => allTerms.add(t));
    if (terms.length > 0) {
      await sql`INSERT INTO fingerprint_terms (term, fingerprint_id, recording_id)
        SELECT t, ${id}::bigint, ${recordingId}::uuid FROM unnest(${terms}::int4[]) AS t`.execute(trx);
    }
  }
  const candidates = await candidateRecordings(trx, recordingId, [...allTerms]);
  const leads: FoundLead[] = [];
  for (const other of candidates) {
    const otherFingerprints = await loadFingerprints(trx, other);
    const lead = bestPair(fingerprints, other, otherFingerprints);
    if (lead) {
      leads.push(lead);
      await upsertLead(trx, recordingId, lead);
    }
  }
  return leads;
}

async function candidateRecordings(trx: Db, recordingId: string, terms: number[]): Promise<string[]> {
  if (terms.length === 0) return [];
  const rows = await sql<{ recording_id: string }>`
    SELECT recording_id FROM fingerprint_terms
    WHERE term = ANY(${terms}::int4[]) AND recording_id <> ${recordingId}::uuid
    GROUP BY recording_id HAVING count(DISTINCT term) >= ${MIN_SHARED_TERMS}
    ORDER BY count(DISTINCT term) DESC, recording_id LIMIT ${MAX_CANDIDATES}`.execute(trx);
  return rows.rows.map((r) => r.recording_id);
}

async function loadFingerprints(db: Db, recordingId: string): Promise<ChannelFingerprint[]> {
  const rows = await db
    .selectFrom('recording_fingerprints')
    .select(['channel', 'items', 'duration_seconds'])
    .where('recording_id', '=', recordingId)
    .orderBy('channel')
    .execute();
  return rows.map((r) => ({
    channel: r.channel,
    items: fromInt4(r.items),
    durationSeconds: r.duration_seconds,
  }));
}

/** Every channel and mix of one call against every channel and mix of the other; the best pair. */
export function bestPair(
  these: readonly ChannelFingerprint[],
  otherId: string,
  others: readonly ChannelFingerprint[],
): FoundLead | undefined {
  let best: { alignment: Alignment; mine: ChannelFingerprint; theirs: ChannelFingerprint } | undefined;
  for (const mine of these) {
    for (const theirs of others) {
      const alignment = bestAlignment(mine.items, theirs.items);
      if (alignment && (!best || alignment.score > best.alignment.score)) best = { alignment, mine, theirs };
    }
  }
  if (!best || best.alignment.score < MATCH_SCORE) return undefined;
  const offsetSeconds = best.alignment.offsetItems * ITEM_SECONDS;
  // The audio both cover at that offset. (Fingerprint items stop about 2.5 s before the audio
  // ends, so a count of items would understate it.)
  const overlapSeconds =
    Math.min(best.mine.durationSeconds, offsetSeconds + best.theirs.durationSeconds) -
    Math.max(0, offsetSeconds);
  return {
    otherRecordingId: otherId,
    channelOfThis: best.mine.channel,
    channelOfOther: best.theirs.channel,
    overlapSeconds: round2(Math.max(overlapSeconds, best.alignment.overlapItems * ITEM_SECONDS)),
    offsetSeconds: round2(offsetSeconds),
    score: Math.round(best.alignment.score * 1000) / 1000,
    bitErrorRate: Math.round(best.alignment.bitErrorRate * 1000) / 1000,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One row per pair, ordered by id; the measurements are refreshed, a decision is kept. */
async function upsertLead(trx: Db, recordingId: string, lead: FoundLead): Promise<void> {
  const thisFirst = recordingId < lead.otherRecordingId;
  const measurements = {
    channel_a: thisFirst ? lead.channelOfThis : lead.channelOfOther,
    channel_b: thisFirst ? lead.channelOfOther : lead.channelOfThis,
    overlap_seconds: lead.overlapSeconds,
    offset_seconds: thisFirst ? lead.offsetSeconds : -lead.offsetSeconds,
    score: lead.score,
    bit_error_rate: lead.bitErrorRate,
  };
  const row = {
    recording_a: thisFirst ? recordingId : lead.otherRecordingId,
    recording_b: thisFirst ? lead.otherRecordingId : recordingId,
    ...measurements,
  };
  await trx
    .insertInto('duplicate_leads')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['recording_a', 'recording_b'])
        .doUpdateSet({ ...measurements, updated_at: sql`clock_timestamp()` }),
    )
    .execute();
}
