import { z } from 'zod';
import { filePart } from '../openapi.ts';

export const uploadFormSchema = z
  .object({
    collection: z.string().describe('Collection to ingest into (created if new); send it before the files'),
    fileCount: z
      .string()
      .optional()
      .describe('How many `files` parts follow (checked, so that no file is lost on the way)'),
    metadata: filePart(
      'Optional call records (CSV or JSON, one row per file, as `earshot ingest --metadata`)',
    ).optional(),
    files: z
      .array(filePart('Audio file or zip archive; its file name is its path relative to what was dropped'))
      .describe('The audio: files, folders (paths like "leak/2022/call.wav") and zip archives'),
  })
  .describe('multipart/form-data, streamed to disk part by part: text fields first, then the files');

export const uploadLimitsSchema = z
  .object({
    maxBytes: z.number().int().describe('Largest upload, all files together (EARSHOT_UPLOAD_MAX_BYTES)'),
    maxFiles: z.number().int().describe('Most files in one upload (EARSHOT_UPLOAD_MAX_FILES)'),
    schedules: z
      .boolean()
      .describe('Whether new recordings are queued for the pipeline at once (a job queue runs here)'),
  })
  .describe('What one upload may hold');

export const ingestResultSchema = z
  .object({
    batchId: z.string().describe('Ingest batch (custody: who, when, which inputs)'),
    status: z
      .enum(['finished', 'finished_with_rejections'])
      .describe('How the batch closed: `finished_with_rejections` when any file was refused'),
    collection: z.object({ id: z.string(), name: z.string() }),
    headline: z.string().describe('The counts in words, as `earshot ingest` prints them'),
    ingested: z.number().int().describe('New recordings'),
    duplicates: z.number().int().describe('Files whose content was already in this upload or the archive'),
    alreadyKnown: z.number().int().describe('Files already ingested from the same path before'),
    rejected: z.number().int(),
    bytesIngested: z.number().int(),
    rejections: z
      .array(
        z.object({
          path: z.string().describe('Path as uploaded (zip entries as archive.zip!/entry)'),
          code: z.string().describe('Stable reason code, e.g. not-audio, empty-file, corrupt-archive'),
          reason: z.string().describe('Why, in words'),
        }),
      )
      .describe('Every rejected file with its reason'),
    metadataWarnings: z.array(z.string()).describe('Call-record problems (the audio was ingested)'),
    newRecordingIds: z.array(z.string()),
    queued: z.boolean().describe('Whether the new recordings were queued for the pipeline now'),
    uploaded: z.object({ files: z.number().int(), bytes: z.number().int() }).describe('What arrived'),
  })
  .describe('What the ingest did, file by file (the same summary as `earshot ingest`)');
