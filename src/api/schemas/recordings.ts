import { z } from 'zod';
import { verificationStatusSchema } from './case-file.ts';
import { analysisSummarySchema } from './analysis.ts';
import { collectionRefSchema, isoDateTime, nullableIsoDateTime, stageRunSchema } from './common.ts';

export const callMetadataSchema = z
  .object({
    callerNumber: z.string().nullable().describe('Caller number in E.164, when it could be normalised'),
    callerRaw: z.string().nullable().describe('Caller number as it appeared in the source'),
    calleeNumber: z.string().nullable().describe('Callee number in E.164, when it could be normalised'),
    calleeRaw: z.string().nullable().describe('Callee number as it appeared in the source'),
    startedAt: nullableIsoDateTime.describe('When the call started (UTC)'),
    timezone: z.string().nullable().describe('Time zone the start time was given in (IANA name or offset)'),
    durationSeconds: z.number().nullable().describe('Call duration according to the call records'),
    cellId: z.string().nullable().describe('Cell id from the call records'),
    locationText: z.string().nullable().describe('Location as written in the call records'),
    source: z.string().nullable().describe('Where the call records say the call came from'),
    batch: z.string().nullable().describe('Batch name from the call records'),
    origin: z
      .enum(['sidecar', 'filename'])
      .nullable()
      .describe('Where this metadata came from: a sidecar CSV/JSON, the file name, or nowhere (null)'),
    extra: z
      .record(z.string(), z.unknown())
      .describe('Sidecar columns Earshot has no field for, kept verbatim'),
  })
  .describe('Call metadata (machine-read from call records or file names)');

export const probeSummarySchema = z
  .object({
    container: z.string().nullable().describe('Container format as ffprobe names it'),
    codec: z.string().nullable().describe('Audio codec as ffprobe names it'),
    sampleRate: z.number().int().nullable().describe('Sample rate in Hz'),
    channels: z.number().int().nullable().describe('Number of audio channels'),
    durationSeconds: z.number().nullable().describe('Duration of the audio'),
    bitRate: z.number().int().nullable().describe('Bit rate in bits per second'),
  })
  .describe('What ffprobe found in the original');

export const recordingSummarySchema = z
  .object({
    id: z.string().describe('Recording id (UUID)'),
    collection: collectionRefSchema.extend({
      demoModels: z
        .boolean()
        .describe(
          'The demo collection: its transcripts and translations come from the small demo models, which read synthetic voices only',
        ),
    }),
    originalFilename: z.string().describe('File name of the first source this recording was received from'),
    sha256: z.string().describe('SHA-256 of the original, hex'),
    sizeBytes: z.number().int().describe('Size of the original in bytes'),
    probe: probeSummarySchema,
    call: callMetadataSchema,
    stages: z
      .array(stageRunSchema)
      .describe('Pipeline stage status, one entry per stage that has run or is queued'),
    createdAt: isoDateTime.describe('When Earshot first stored this recording'),
  })
  .describe('A recording in the list');

export const recordingListItemSchema = recordingSummarySchema
  .extend({
    analysis: analysisSummarySchema
      .nullable()
      .describe('Current analysis of the latest transcript version; null until analysed'),
    lanes: z
      .number()
      .int()
      .describe('Speaker lanes in the latest transcript version (0 when there is no transcript)'),
    verificationStatus: verificationStatusSchema.describe(
      "Where the call's verification case file stands (unverified without one)",
    ),
    languages: z
      .array(z.string().describe('Language code as the recogniser gave it, e.g. ru, uk'))
      .describe(
        'Languages of the segments of the latest transcript version, most segments first (empty when there is no transcript)',
      ),
  })
  .describe('A recording in the list, with its analysis summary');

export const recordingListResponseSchema = z
  .object({
    items: z.array(recordingListItemSchema).describe('This page of recordings'),
    total: z.number().int().describe('How many recordings match the filters, over all pages'),
    limit: z.number().int().describe('Page size used'),
    offset: z.number().int().describe('How many matching recordings were skipped'),
  })
  .describe('A page of recordings');

export const workingCopySchema = z
  .object({
    channel: z.number().int().describe('Channel of the original this working copy holds'),
    sha256: z.string().describe('SHA-256 of the working copy, hex (also its ETag)'),
    sizeBytes: z.number().int().describe('Size of the working copy in bytes'),
    sampleRate: z.number().int().describe('Sample rate of the working copy in Hz'),
    durationSeconds: z.number().nullable().describe('Duration of the working copy'),
    stage: z.string().describe('Pipeline stage that made it'),
    toolVersions: z.record(z.string(), z.unknown()).describe('Versions of the tools that made it'),
    createdAt: isoDateTime.describe('When it was made'),
    audioUrl: z.string().describe('Where to fetch it (supports HTTP range requests)'),
  })
  .describe('A 16 kHz mono WAV working copy of one channel (machine-made, rebuildable from the original)');

export const channelSchema = z
  .object({
    channel: z.number().int().describe('Channel index (0-based)'),
    workingCopy: workingCopySchema.nullable().describe('The working copy of this channel, null until made'),
  })
  .describe('One channel of the original');

export const sourceSchema = z
  .object({
    id: z.string().describe('Source id (UUID)'),
    sourcePath: z
      .string()
      .describe('Path as given at ingest (archive path + "!/" + entry for archive members)'),
    archivePath: z.string().nullable().describe('Archive the file came from, if any'),
    archiveEntry: z.string().nullable().describe('Entry name inside that archive'),
    sizeBytes: z.number().int().describe('Size of the source file in bytes'),
    modifiedAt: nullableIsoDateTime.describe('Modification time of the source file'),
    receivedAt: isoDateTime.describe('When Earshot received it'),
    collection: collectionRefSchema,
    batch: z
      .object({
        id: z.string().describe('Ingest batch id (UUID)'),
        actor: z.string().describe('Who ran the ingest'),
        startedAt: isoDateTime.describe('When the ingest started'),
      })
      .describe('The ingest run that received it'),
  })
  .describe('One place this exact file was received from (duplicates keep every source)');

export const custodyEventSchema = z
  .object({
    id: z.string().describe('Event id; events are numbered in the order they were appended'),
    // A string, not an enum: a later migration may add actions, and old clients must still read them.
    action: z
      .string()
      .describe(
        'What happened: received, hashed, stored, duplicate, probed, metadata, rejected, derived, corrected...',
      ),
    actor: z.string().describe('Who or what did it'),
    occurredAt: isoDateTime.describe('When it happened'),
    recordedAt: isoDateTime
      .nullable()
      .describe(
        'When the database stored it (server clock; null before this was kept): far after occurredAt means backdated',
      ),
    batchId: z.string().nullable().describe('Ingest batch, if any'),
    sourcePath: z.string().nullable().describe('Source path involved, if any'),
    sha256: z.string().nullable().describe('Hash recorded with the event, if any'),
    toolVersions: z.record(z.string(), z.unknown()).describe('Versions of the tools involved'),
    details: z.record(z.string(), z.unknown()).describe('Action-specific details'),
  })
  .describe('One entry of the append-only chain of custody');

export const custodyResponseSchema = z
  .object({
    recordingId: z.string().describe('Recording id (UUID)'),
    sha256: z.string().describe('SHA-256 of the original, hex'),
    events: z.array(custodyEventSchema).describe('Custody events in the order they were appended'),
  })
  .describe('Chain of custody of one recording');

export const recordingDetailSchema = recordingSummarySchema
  .extend({
    originalAudioUrl: z.string().describe('Where to fetch the original (supports HTTP range requests)'),
    channels: z.array(channelSchema).describe('Channels of the original, with their working copies'),
    workingCopies: z.array(workingCopySchema).describe('Every working copy, by channel'),
    sources: z.array(sourceSchema).describe('Provenance: every place this file was received from'),
    custody: z.array(custodyEventSchema).describe('Custody events in the order they were appended'),
    quarantined: z
      .array(
        z
          .object({
            kind: z.enum(['original', 'working copy']).describe('Which file'),
            path: z.string().describe('Its path in the store'),
            expectedSha256: z.string().describe('The SHA-256 recorded when it was stored'),
            foundSha256: z.string().describe('The SHA-256 its bytes had when they were moved out'),
            quarantinedAt: isoDateTime.describe('When `earshot verify-store --quarantine` moved it'),
            message: z.string().describe('What happened and the command that restores it'),
          })
          .describe('A file of this recording that is quarantined: it is not served until restored'),
      )
      .describe('Files whose bytes did not match their SHA-256 and were moved out of the store'),
  })
  .describe('Everything known about one recording');

export type RecordingSummaryResponse = z.infer<typeof recordingSummarySchema>;
export type RecordingListItemResponse = z.infer<typeof recordingListItemSchema>;
export type RecordingDetailResponse = z.infer<typeof recordingDetailSchema>;
export type WorkingCopyResponse = z.infer<typeof workingCopySchema>;
export type CustodyEventResponse = z.infer<typeof custodyEventSchema>;
export type SourceResponse = z.infer<typeof sourceSchema>;
