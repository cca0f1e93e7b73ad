import { STATUS_LABELS as WORKFLOW_LABELS } from '../../../src/verification/workflow.ts';
import { getJson, postForm } from './http.ts';
import type { GetResponse, PostResponse } from './openapi.ts';

// A call's verification case file (src/api/schemas/case-file.ts → openapi-types.ts).

export type CaseFile = GetResponse<'/api/recordings/{id}/case'>;
export type CaseEvent = CaseFile['events'][number];
export type CaseAttachment = CaseEvent['attachments'][number];
export type VerificationStatus = CaseFile['status'];
export type CaseAction = CaseFile['allowedActions'][number];
export type CaseStepResult = PostResponse<'/api/recordings/{id}/case/steps', 201>;

// The workflow's own lists (no Node imports there): the desk and the server cannot disagree.
export { STEP_ORDER } from '../../../src/verification/workflow.ts';
export { VERIFICATION_STATUSES } from '../../../src/db/schema.ts';

/** "Number attributed": the workflow's words, as a label. */
export const STATUS_LABELS = Object.fromEntries(
  Object.entries(WORKFLOW_LABELS).map(([status, words]) => [
    status,
    words[0]!.toUpperCase() + words.slice(1),
  ]),
) as Record<VerificationStatus, string>;

export function getCaseFile(recordingId: string, signal?: AbortSignal): Promise<CaseFile> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/case`, signal);
}

export interface CaseStep {
  action: CaseAction;
  expectedStatus: VerificationStatus;
  to?: VerificationStatus;
  note?: string;
  reason?: string;
  links?: string[];
  files?: readonly File[];
}

/** Sends a step: the fields first, then the files (the server checks the step before reading them). */
export function postCaseStep(recordingId: string, step: CaseStep): Promise<CaseStepResult> {
  const form = new FormData();
  form.append('action', step.action);
  form.append('expectedStatus', step.expectedStatus);
  if (step.to) form.append('to', step.to);
  if (step.note) form.append('note', step.note);
  if (step.reason) form.append('reason', step.reason);
  for (const link of step.links ?? []) form.append('links', link);
  for (const file of step.files ?? []) form.append('files', file, file.name);
  return postForm(`/api/recordings/${encodeURIComponent(recordingId)}/case/steps`, form);
}

export const attachmentUrl = (recordingId: string, attachmentId: string): string =>
  `/api/recordings/${encodeURIComponent(recordingId)}/case/attachments/${encodeURIComponent(attachmentId)}`;
