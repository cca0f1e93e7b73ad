import { z } from 'zod';
import {
  analysisSummarySchema,
  casualtiesSchema,
  entitySchema,
  recordingAnalysisSchema,
  termMatchSchema,
} from './analysis.ts';
import { auditEntrySchema, auditListResponseSchema, auditVerificationSchema } from './audit.ts';
import { caseAttachmentSchema, caseEventSchema, caseFileSchema } from './case-file.ts';
import { collectionRefSchema, errorResponseSchema, stageRunSchema, stageStatusSchema } from './common.ts';
import { duplicateLeadSchema, duplicateLeadsResponseSchema } from './duplicates.ts';
import { evidenceExportSchema } from './exports.ts';
import { ingestResultSchema, uploadLimitsSchema } from './ingest.ts';
import { lexiconEntrySchema, lexiconResponseSchema } from './lexicon.ts';
import { noteSchema, notesResponseSchema } from './notes.ts';
import { numberNoteSchema, numberPageSchema } from './numbers.ts';
import { pipelineStatusSchema } from './pipeline.ts';
import {
  callMetadataSchema,
  channelSchema,
  custodyEventSchema,
  custodyResponseSchema,
  probeSummarySchema,
  recordingDetailSchema,
  recordingListItemSchema,
  recordingListResponseSchema,
  sourceSchema,
  workingCopySchema,
} from './recordings.ts';
import { protectedIdentitySchema, registerSchema } from './register.ts';
import { searchHitSchema, searchResponseSchema } from './search.ts';
import { sessionSchema } from './session.ts';
import {
  transcriptDiffResponseSchema,
  transcriptReadResponseSchema,
  transcriptSegmentSchema,
  transcriptVersionSchema,
  transcriptVersionsResponseSchema,
  wordSchema,
} from './transcripts.ts';
import { callGraphSchema, monthlyTrendsSchema, placeTrendsSchema } from './trends.ts';
import { roleSchema, userListSchema, userSchema } from './users.ts';

/**
 * The schemas the OpenAPI document names under components/schemas, so that generated clients get
 * one type per resource (and the error body once) instead of a copy inlined in every route. The
 * name goes into zod's global registry beside the schema's description, which is where
 * fastify-type-provider-zod looks for ids (src/api/openapi-document.ts). A schema used in a
 * request body gets a second component with the suffix "Input". Names are part of the API:
 * renaming one changes every generated client.
 */
export const NAMED_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Error: errorResponseSchema,
  CollectionRef: collectionRefSchema,
  StageStatus: stageStatusSchema,
  StageRun: stageRunSchema,
  CallMetadata: callMetadataSchema,
  ProbeSummary: probeSummarySchema,
  RecordingListItem: recordingListItemSchema,
  RecordingList: recordingListResponseSchema,
  RecordingDetail: recordingDetailSchema,
  WorkingCopy: workingCopySchema,
  Channel: channelSchema,
  RecordingSource: sourceSchema,
  CustodyEvent: custodyEventSchema,
  Custody: custodyResponseSchema,
  AnalysisSummary: analysisSummarySchema,
  Casualties: casualtiesSchema,
  TermMatch: termMatchSchema,
  Entity: entitySchema,
  RecordingAnalysis: recordingAnalysisSchema,
  TranscriptVersion: transcriptVersionSchema,
  TranscriptVersionList: transcriptVersionsResponseSchema,
  Word: wordSchema,
  TranscriptSegment: transcriptSegmentSchema,
  Transcript: transcriptReadResponseSchema,
  TranscriptDiff: transcriptDiffResponseSchema,
  Note: noteSchema,
  NoteList: notesResponseSchema,
  NumberNote: numberNoteSchema,
  NumberPage: numberPageSchema,
  DuplicateLead: duplicateLeadSchema,
  DuplicateLeadList: duplicateLeadsResponseSchema,
  CaseFile: caseFileSchema,
  CaseEvent: caseEventSchema,
  CaseAttachment: caseAttachmentSchema,
  SearchHit: searchHitSchema,
  SearchResults: searchResponseSchema,
  PipelineStatus: pipelineStatusSchema,
  AuditEntry: auditEntrySchema,
  AuditPage: auditListResponseSchema,
  AuditVerification: auditVerificationSchema,
  EvidenceExport: evidenceExportSchema,
  UploadLimits: uploadLimitsSchema,
  IngestResult: ingestResultSchema,
  LexiconEntry: lexiconEntrySchema,
  Lexicon: lexiconResponseSchema,
  ProtectedIdentity: protectedIdentitySchema,
  IdentityRegister: registerSchema,
  Session: sessionSchema,
  MonthlyTrends: monthlyTrendsSchema,
  PlaceTrends: placeTrendsSchema,
  CallGraph: callGraphSchema,
  Role: roleSchema,
  User: userSchema,
  UserList: userListSchema,
};

/**
 * Gives every schema of NAMED_SCHEMAS its id in zod's global registry, keeping the description
 * already there. Safe to call more than once. The registry lives on globalThis, so a test runner
 * that loads these modules again finds the id held by the old copy: the new copy takes it over.
 */
export function nameComponentSchemas(): void {
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) {
    if (z.globalRegistry._idmap.get(id) === schema) continue;
    z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
  }
}
