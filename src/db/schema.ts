import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Typed view of the tables created by the migrations in ./migrations. */
export interface Database {
  collections: CollectionsTable;
  ingest_batches: IngestBatchesTable;
  recordings: RecordingsTable;
  recording_sources: RecordingSourcesTable;
  rejections: RejectionsTable;
  custody_events: CustodyEventsTable;
  stage_runs: StageRunsTable;
  derived_files: DerivedFilesTable;
  vad_runs: VadRunsTable;
  speech_regions: SpeechRegionsTable;
  transcripts: TranscriptsTable;
  transcript_segments: TranscriptSegmentsTable;
  segment_translations: SegmentTranslationsTable;
  analysis_runs: AnalysisRunsTable;
  analysis_matches: AnalysisMatchesTable;
  analysis_entities: AnalysisEntitiesTable;
  analysis_meaning_flags: AnalysisMeaningFlagsTable;
  analysis_current: AnalysisCurrentTable;
  latest_transcripts: LatestTranscriptsTable;
  superseded_transcripts: SupersededTranscriptsTable;
  machine_transcript_decisions: MachineTranscriptDecisionsTable;
  latest_segment_translations: LatestSegmentTranslationsTable;
  desk_notes: DeskNotesTable;
  store_verifications: StoreVerificationsTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  sign_in_tokens: SignInTokensTable;
  collection_grants: CollectionGrantsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
  verification_cases: VerificationCasesTable;
  verification_case_events: VerificationCaseEventsTable;
  case_attachments: CaseAttachmentsTable;
  number_notes: NumberNotesTable;
  recording_fingerprints: RecordingFingerprintsTable;
  fingerprint_terms: FingerprintTermsTable;
  duplicate_leads: DuplicateLeadsTable;
  protected_identities: ProtectedIdentitiesTable;
  protected_identity_pseudonyms: ProtectedIdentityPseudonymsTable;
  call_tags: CallTagsTable;
  stars: StarsTable;
  saved_searches: SavedSearchesTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;
export type JsonObject = Record<string, unknown>;

export interface CollectionsTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  /** `demo`: transcribed and translated by the demo models committed in the repository. */
  model_profile: ColumnType<ModelProfile, ModelProfile | undefined, ModelProfile>;
  created_at: CreatedAt;
}

/** Which models a collection's speech and translation stages use (migration 0009). */
export type ModelProfile = 'configured' | 'demo';

/**
 * How an ingest batch ended: 'finished_with_rejections' when some inputs were refused (migration
 * 0014); 'interrupted' when the run stopped before the end.
 */
export type IngestBatchStatus = 'running' | 'finished' | 'finished_with_rejections' | 'interrupted';

export interface IngestBatchesTable {
  id: Generated<string>;
  collection_id: string;
  actor: string;
  started_at: CreatedAt;
  finished_at: Date | null;
  status: IngestBatchStatus;
  inputs: Json<string[]>;
  options: Json<JsonObject>;
  summary: Json<JsonObject> | null;
  tool_versions: Json<Record<string, string>>;
}

export interface RecordingsTable {
  id: Generated<string>;
  sha256: string;
  size_bytes: ColumnType<string, string | number | bigint, never>;
  collection_id: string;
  original_filename: string;
  /** Path of the original relative to the data directory's originals store. */
  store_path: string;
  container: string | null;
  codec: string | null;
  sample_rate: number | null;
  channels: number | null;
  duration_seconds: number | null;
  bit_rate: number | null;
  probe: Json<JsonObject> | null;
  caller_raw: string | null;
  caller_number: string | null;
  callee_raw: string | null;
  callee_number: string | null;
  call_started_at: Date | null;
  call_timezone: string | null;
  call_duration_seconds: number | null;
  cell_id: string | null;
  location_text: string | null;
  call_source: string | null;
  call_batch: string | null;
  metadata_origin: 'sidecar' | 'filename' | null;
  metadata_extra: Json<JsonObject>;
  created_at: CreatedAt;
}

export interface RecordingSourcesTable {
  id: Generated<string>;
  recording_id: string;
  batch_id: string;
  collection_id: string;
  /** Path as the user gave it (or archive path + '!/' + entry), made printable. */
  source_path: string;
  archive_path: string | null;
  archive_entry: string | null;
  size_bytes: ColumnType<string, string | number | bigint, never>;
  modified_at: Date | null;
  received_at: CreatedAt;
}

export interface RejectionsTable {
  id: Generated<string>;
  batch_id: string;
  collection_id: string;
  source_path: string;
  reason_code: string;
  reason: string;
  sha256: string | null;
  size_bytes: ColumnType<string | null, string | number | bigint | null, never>;
  created_at: CreatedAt;
}

export type CustodyAction =
  | 'received'
  | 'hashed'
  | 'stored'
  | 'duplicate'
  | 'probed'
  | 'metadata'
  | 'rejected'
  | 'derived'
  | 'corrected'
  | 'quarantined'
  | 'restored'
  | 'attached';

export interface CustodyEventsTable {
  id: Generated<string>;
  recording_id: string | null;
  batch_id: string | null;
  action: CustodyAction;
  actor: string;
  occurred_at: CreatedAt;
  /** Stamped by the server on insert (migration 0018); null for events logged before it. */
  recorded_at: ColumnType<Date | null, never, never>;
  source_path: string | null;
  sha256: string | null;
  tool_versions: Json<Record<string, string>>;
  details: Json<JsonObject>;
}

/** `waiting`: the stage's model is not installed; waiting_for_model names it. */
export type StageStatus = 'pending' | 'running' | 'done' | 'failed' | 'waiting';

export interface StageRunsTable {
  recording_id: string;
  stage: string;
  status: StageStatus;
  attempts: Generated<number>;
  error: string | null;
  worker: string | null;
  job_id: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: UpdatedAt;
  result: Json<JsonObject> | null;
  waiting_for_model: string | null;
  /** Last sign of life of the worker that held the run last (migration 0010); null before that. */
  heartbeat_at: Date | null;
}

/** Kinds of derived file; a working copy is the 16 kHz mono WAV of one channel. */
export const DerivedFileKind = { WorkingAudio: 'working_audio' } as const;

export interface DerivedFilesTable {
  id: Generated<string>;
  recording_id: string;
  stage: string;
  kind: string;
  channel: number;
  /** Path relative to the derived-files directory. */
  path: string;
  sha256: string;
  size_bytes: ColumnType<string, string | number | bigint, never>;
  sample_rate: number;
  duration_seconds: number | null;
  tool_versions: Json<Record<string, string>>;
  created_at: CreatedAt;
}

export type Collection = Selectable<CollectionsTable>;
export type Recording = Selectable<RecordingsTable>;
export type NewRecording = Insertable<RecordingsTable>;
export type CustodyEvent = Selectable<CustodyEventsTable>;
export type StageRun = Selectable<StageRunsTable>;
export type DerivedFile = Selectable<DerivedFilesTable>;

// Speech (migration 0003): VAD runs and their regions, write-once transcript versions.
export interface VadRunsTable {
  id: Generated<string>;
  recording_id: string;
  model: string;
  model_files: Json<Record<string, string>>;
  params: Json<JsonObject>;
  inputs: Json<JsonObject>;
  created_at: CreatedAt;
}

export interface SpeechRegionsTable {
  id: Generated<string>;
  vad_run_id: string;
  recording_id: string;
  channel: number;
  start_seconds: number;
  end_seconds: number;
}

export type TranscriptKind = 'machine' | 'human';

export interface TranscriptsTable {
  id: Generated<string>;
  recording_id: string;
  version: number;
  kind: TranscriptKind;
  based_on_id: string | null;
  created_by: string;
  created_at: CreatedAt;
  model: string | null;
  model_files: Json<Record<string, string>>;
  decoding: Json<JsonObject>;
  vad_run_id: string | null;
  language: string | null;
}

export interface TranscriptWord {
  w: string;
  start: number;
  end: number;
  conf: number | null;
  /** Interpolated after a person's edit, not measured by the recogniser (word-retiming.ts). */
  estimated?: boolean;
  /** Placed in the audio by forced alignment after a person's edit (src/speech/ctc-aligner.ts). */
  aligned?: boolean;
}

export interface TranscriptSegmentsTable {
  id: Generated<string>;
  transcript_id: string;
  position: number;
  channel: number;
  lane: string;
  speaker: string | null;
  start_seconds: number;
  end_seconds: number;
  text: string;
  language: string | null;
  confidence: number | null;
  words: Json<TranscriptWord[]>;
  /** Human corrections: the segment of the base version this one was edited from (0007). */
  source_segment_id: string | null;
}

export type Transcript = Selectable<TranscriptsTable>;
export type TranscriptSegment = Selectable<TranscriptSegmentsTable>;

// Translation (migration 0004): append-only machine translations, one row per transcript segment.
export type SegmentTranslationStatus = 'translated' | 'empty-source' | 'unsupported-language';

export interface SegmentTranslationsTable {
  id: Generated<string>;
  transcript_segment_id: string;
  transcript_id: string;
  target_language: string;
  text: string | null;
  status: SegmentTranslationStatus;
  engine: string;
  model: string | null;
  model_sha256: string | null;
  /** machine: the translate stage; human: a person's correction (created_by says who). */
  kind: ColumnType<SegmentTranslationKind, SegmentTranslationKind | undefined, never>;
  created_by: string | null;
  /** The translation a person edited (human rows); null for machine rows. */
  based_on_id: string | null;
  created_at: CreatedAt;
}

export type SegmentTranslationKind = 'machine' | 'human';

export type SegmentTranslationRow = Selectable<SegmentTranslationsTable>;

// Analysis (migration 0005): write-once runs with their matches and entities, and the derived
// analysis_current row per recording (kept by the database, never written by the application).
export interface AnalysisRunsTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  recording_id: string;
  transcript_id: string | null;
  translation: Json<JsonObject>;
  created_by: string;
  created_at: CreatedAt;
  lexicon_version: string;
  analyser_version: string;
  segments: number;
  language: Json<JsonObject>;
  counts: Json<Record<string, number>>;
  casualties: Json<{ killed: number | null; wounded: number | null; missing: number | null }>;
  triage_score: number;
  triage_reasons: Json<string[]>;
  /** The meaning classifier's version (migration 0032); null for runs made before it. */
  classifier_version: ColumnType<string | null, string | null | undefined, string | null>;
  /** Segments per category the classifier flags (confidence >= 0.5) where the lexicon does not. */
  meaning_counts: ColumnType<Record<string, number>, Record<string, number> | string | undefined, string>;
}

/** A meaning classifier's flag on a segment (migration 0032, write-once). */
export interface AnalysisMeaningFlagsTable {
  id: Generated<string>;
  run_id: string;
  transcript_segment_id: string;
  category: string;
  confidence: number;
  lexicon_agrees: boolean;
  phrases: Json<Array<{ start: number; end: number; surface: string; weight: number }>>;
}

export interface AnalysisMatchesTable {
  id: Generated<string>;
  run_id: string;
  transcript_segment_id: string;
  start_offset: number;
  end_offset: number;
  surface: string;
  term_id: string;
  term: string;
  category: string;
  gloss: string;
  confidence: number;
  rule: string;
  count: number | null;
}

export interface AnalysisEntitiesTable {
  id: Generated<string>;
  run_id: string;
  transcript_segment_id: string;
  kind: string;
  start_offset: number;
  end_offset: number;
  surface: string;
  value: string;
  confidence: number;
  rule: string;
  place_id: string | null;
  place_name_en: string | null;
  place_name_ru: string | null;
  place_name_uk: string | null;
  place_admin1: string | null;
  place_population: number | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
}

export interface AnalysisCurrentTable {
  recording_id: string;
  run_id: string;
  triage_score: number;
  categories: string[];
  place_ids: string[];
  counts: Json<Record<string, number>>;
  casualties: Json<{ killed: number | null; wounded: number | null; missing: number | null }>;
  category_mentions: number[];
  killed: number | null;
  wounded: number | null;
  missing: number | null;
  call_started_at: Date | null;
  /** recordings.collection_id (migration 0020), so that a collection scope needs no join. */
  collection_id: string;
  /** The run's meaning_counts (migration 0032): what the classifier adds to counts. */
  meaning_counts: Json<Record<string, number>>;
}

export type AnalysisRunRow = Selectable<AnalysisRunsTable>;

// Search and desk (migrations 0006, 0007): which transcript and translation rows are current
// (kept by triggers), and append-only notes. The search_vector columns are read with raw SQL only.
// latest_transcripts holds each recording's *current* version (0027): a machine version added
// while a person's version is current waits for a decision instead of replacing it.
export interface LatestTranscriptsTable {
  recording_id: string;
  transcript_id: string;
  version: number;
}

export interface SupersededTranscriptsTable {
  transcript_id: string;
}

export type MachineTranscriptDecision = 'adopted' | 'kept';

/** A person's decision on a newer machine transcript (append-only, migration 0027). */
export interface MachineTranscriptDecisionsTable {
  id: Generated<string>;
  recording_id: string;
  transcript_id: string;
  current_transcript_id: string;
  decision: MachineTranscriptDecision;
  decided_by: string;
  decided_at: CreatedAt;
}

export interface LatestSegmentTranslationsTable {
  transcript_segment_id: string;
  target_language: string;
  translation_id: string;
}

export interface DeskNotesTable {
  id: Generated<string>;
  recording_id: string;
  transcript_segment_id: string | null;
  text: string;
  author: string;
  created_at: CreatedAt;
}

export type DeskNote = Selectable<DeskNotesTable>;

/** One run of `earshot verify-store` (migration 0011); append-only. */
export interface StoreVerificationsTable {
  id: Generated<string>;
  started_at: Date | string;
  finished_at: CreatedAt;
  actor: string;
  collection_id: string | null;
  originals_checked: number;
  derived_checked: number;
  problems: Json<StoreProblem[]>;
  ok: boolean;
}

/** A stored file that is not what was recorded: changed bytes, or gone. */
export interface StoreProblem {
  kind: 'original' | 'working copy';
  recordingId: string;
  path: string;
  /** quarantined: moved out by an earlier `verify-store --quarantine`, not restored since. */
  problem: 'changed' | 'missing' | 'quarantined';
  expectedSha256: string;
  foundSha256?: string;
  /** Where the changed bytes are kept, relative to the data folder (when quarantined). */
  quarantinePath?: string;
}

/** What a user may do; the table of permissions lives in src/accounts (migration 0012). */
export type UserRole = 'admin' | 'editor' | 'reviewer' | 'transcriber' | 'viewer';

export interface UsersTable {
  id: Generated<string>;
  name: string;
  role: UserRole;
  /** argon2id (PHC string); null until a password is set (sign-in link only). */
  password_hash: string | null;
  created_at: CreatedAt;
  created_by: string;
  password_changed_at: Date | null;
  disabled_at: Date | null;
}

export interface UserSessionsTable {
  /** SHA-256 of the session cookie's value: the token itself is never stored. */
  token_sha256: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Date | string;
  revoked_at: Date | null;
  address: string | null;
  user_agent: string | null;
}

export interface SignInTokensTable {
  token_sha256: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date | string;
  used_at: Date | null;
}

export interface CollectionGrantsTable {
  user_id: string;
  collection_id: string;
  granted_by: string;
  granted_at: CreatedAt;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  user_name: string;
  address: string | null;
  succeeded: boolean;
  attempted_at: CreatedAt;
}

export type User = Selectable<UsersTable>;

/**
 * One audit entry (migration 0019): append-only and hash-chained. Written only by
 * src/audit/audit-log.ts, which assigns seq and the hashes; `action` is an AuditAction there.
 */
export interface AuditLogTable {
  /** bigint, as a string; gap-free from 1. */
  seq: string;
  occurred_at: Date;
  actor: string | null;
  user_id: string | null;
  action: string;
  target: string | null;
  address: string | null;
  details: Json<JsonObject>;
  prev_hash: string;
  hash: string;
}

export type AuditLogRow = Selectable<AuditLogTable>;

/** Where a call's verification stands (migration 0021); a call without a case is 'unverified'. */
export const VERIFICATION_STATUSES = [
  'unverified',
  'number_attributed',
  'identity_corroborated',
  'context_confirmed',
  'verified',
  'disputed',
  'rejected',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export type VerificationEventKind =
  | 'advance'
  | 'propose_verified'
  | 'sign_off'
  | 'withdraw_proposal'
  | 'dispute'
  | 'reject'
  | 'reopen'
  | 'evidence';

/** A call's case file: its current state. The history is verification_case_events. */
export interface VerificationCasesTable {
  recording_id: string;
  collection_id: string;
  status: VerificationStatus;
  /** Who proposed 'verified', waiting for a second person's sign-off. */
  proposed_by: string | null;
  proposed_at: Date | null;
  /** The step a disputed or rejected case held before; reopening returns to it. */
  held_status: VerificationStatus | null;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

/** One step of a case file (append-only). */
export interface VerificationCaseEventsTable {
  id: Generated<string>;
  recording_id: string;
  kind: VerificationEventKind;
  from_status: VerificationStatus;
  to_status: VerificationStatus;
  step: VerificationStatus;
  reason: string | null;
  note: string | null;
  links: Json<string[]>;
  user_id: string;
  actor: string;
  created_at: CreatedAt;
}

/** An evidence file of a case step, stored write-once by SHA-256 under DATA/attachments. */
export interface CaseAttachmentsTable {
  id: Generated<string>;
  recording_id: string;
  event_id: string;
  sha256: string;
  size_bytes: ColumnType<string, string | number | bigint, never>;
  file_name: string;
  media_type: string;
  store_path: string;
  created_at: CreatedAt;
}

/** How sure an attribution of a number is (docs/phone-numbers.md). */
export type AttributionConfidence = 'low' | 'medium' | 'high';

/** A note or attribution on a phone number in one collection (migration 0022; append-only). */
export interface NumberNotesTable {
  id: Generated<string>;
  collection_id: string;
  /** E.164. */
  number: string;
  kind: 'note' | 'attribution';
  text: string;
  subscriber: string | null;
  source: string | null;
  confidence: AttributionConfidence | null;
  /** The entry this one corrects (same collection and number). */
  supersedes_id: string | null;
  user_id: string | null;
  author: string;
  created_at: CreatedAt;
}
/** A channel's index as text ('0', '1', …) or 'mix', the mono mix of all channels. */
export type FingerprintChannel = string;

/** One Chromaprint fingerprint of a recording's channel or mix (migration 0023). */
export interface RecordingFingerprintsTable {
  id: Generated<string>;
  recording_id: string;
  channel: FingerprintChannel;
  /** Raw 32-bit items as signed int4 (the bits unchanged). */
  items: number[];
  duration_seconds: number;
  fpcalc_version: string;
  created_at: CreatedAt;
}

/** The inverted index of fingerprint terms (an item's top bits). */
export interface FingerprintTermsTable {
  term: number;
  fingerprint_id: string;
  recording_id: string;
}

export type DuplicateLeadStatus = 'proposed' | 'confirmed' | 'rejected';

/** Two recordings that sound like the same call: a lead for a person to decide, never a merge. */
export interface DuplicateLeadsTable {
  id: Generated<string>;
  recording_a: string;
  recording_b: string;
  channel_a: FingerprintChannel;
  channel_b: FingerprintChannel;
  overlap_seconds: number;
  /** Where b's start lies in a (negative: b starts before a). */
  offset_seconds: number;
  score: number;
  bit_error_rate: number;
  status: ColumnType<DuplicateLeadStatus, DuplicateLeadStatus | undefined, DuplicateLeadStatus>;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  found_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * An entry of a collection's protected-identity register (migration 0026). Only the pseudonym
 * changes, and the retired_* columns are set once; no row is deleted (a trigger enforces both).
 */
export interface ProtectedIdentitiesTable {
  id: Generated<string>;
  collection_id: string;
  kind: 'person' | 'call_sign' | 'phone' | 'unit' | 'place' | 'cell_id' | 'voice';
  /** As entered; E.164 for phones. */
  label: string;
  /** The label folded for comparison (computed by the database). */
  label_key: ColumnType<string, never, never>;
  pseudonym: string;
  first_name: string | null;
  patronymic: string | null;
  surname: string | null;
  gender: 'male' | 'female' | null;
  other_names: ColumnType<string[], string[] | undefined, never>;
  voice_recording_id: string | null;
  voice_lane: string | null;
  source: 'hand' | 'analysis';
  source_recording_id: string | null;
  source_entity_id: string | null;
  added_by_user_id: string | null;
  added_by: string;
  added_at: CreatedAt;
  retired_at: Date | null;
  retired_by_user_id: string | null;
  retired_by: string | null;
  retired_reason: string | null;
}

/** Every pseudonym an entry has had, first to latest (migration 0026; append-only). */
export interface ProtectedIdentityPseudonymsTable {
  id: Generated<string>;
  identity_id: string;
  collection_id: string;
  pseudonym: string;
  set_by_user_id: string | null;
  set_by: string;
  set_at: CreatedAt;
}

/** A tag on a call, or on one segment of it, in the call's collection (migration 0031). */
export interface CallTagsTable {
  id: Generated<string>;
  recording_id: string;
  collection_id: string;
  /** The segment (of the transcript version it was put on); null: the whole call. */
  segment_id: string | null;
  tag: string;
  user_id: string | null;
  author: string;
  created_at: CreatedAt;
}

/** A person's own star on a call or a segment (migration 0031). */
export interface StarsTable {
  user_id: string;
  recording_id: string;
  segment_id: string | null;
  created_at: CreatedAt;
}

/** A person's own saved search: the Search page's parameters under a name (migration 0031). */
export interface SavedSearchesTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  params: Json<Record<string, string>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
