import type { Principal } from '../../accounts/principal.ts';
import { allowedCaseActions } from '../../verification/case-permissions.ts';
import { nextStep } from '../../verification/workflow.ts';
import type { CaseAttachmentRow, CaseFile } from '../queries/case-file.ts';
import type { CaseFileResponse } from '../schemas/case-file.ts';
import { iso, isoOrNull } from './dates.ts';

export function presentCaseAttachment(
  a: CaseAttachmentRow,
): CaseFileResponse['events'][number]['attachments'][number] {
  return {
    id: String(a.id),
    eventId: String(a.event_id),
    fileName: a.file_name,
    mediaType: a.media_type,
    sizeBytes: Number(a.size_bytes),
    sha256: a.sha256,
    createdAt: iso(a.created_at),
  };
}

export function presentCaseFile(
  recordingId: string,
  file: CaseFile,
  principal: Principal,
  maxAttachmentBytes: number,
): CaseFileResponse {
  const { state } = file;
  return {
    recordingId,
    status: state.status,
    proposal:
      state.proposedBy !== null && file.proposedAt !== null
        ? {
            proposedBy: file.proposedByName ?? state.proposedBy,
            proposedByUserId: state.proposedBy,
            proposedAt: iso(file.proposedAt),
            byYou: state.proposedBy === principal.userId,
          }
        : null,
    heldStatus: state.heldStatus,
    updatedAt: isoOrNull(file.updatedAt),
    allowedActions: allowedCaseActions(state, principal),
    nextStep: nextStep(state.status),
    events: file.events.map((e) => ({
      id: String(e.id),
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      step: e.step,
      reason: e.reason,
      note: e.note,
      links: e.links,
      actor: e.actor,
      userId: e.user_id,
      createdAt: iso(e.created_at),
      attachments: file.attachments
        .filter((a) => String(a.event_id) === String(e.id))
        .map(presentCaseAttachment),
    })),
    maxAttachmentBytes,
  };
}
