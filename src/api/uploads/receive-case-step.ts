import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { checkName } from '../../ingest/printable-name.ts';
import {
  discardAttachments,
  stageAttachment,
  type StagedAttachment,
} from '../../verification/attachments.ts';
import { rejectControlCharactersInField, rejectControlCharactersInTextField } from '../control-characters.ts';
import { ApiError } from '../errors.ts';
import { caseStepFormSchema, type CaseStepForm } from '../schemas/case-file.ts';
import { UploadRejected } from './receive-upload.ts';

const TEXT_FIELDS = new Set(['note', 'reason']);
const LINE_FIELDS = new Set(['action', 'expectedStatus', 'to', 'links']);
const MAX_FILES = 20;

export interface ReceivedCaseStep {
  form: CaseStepForm;
  attachments: StagedAttachment[];
}

function parseFields(fields: Map<string, string[]>): CaseStepForm {
  const single = (name: string) => fields.get(name)?.[0];
  const parsed = caseStepFormSchema.safeParse({
    action: single('action'),
    expectedStatus: single('expectedStatus'),
    to: single('to') || undefined,
    note: single('note'),
    reason: single('reason'),
    links: (fields.get('links') ?? []).filter((l) => l.trim() !== ''),
  });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: ['body', ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new ApiError(
    400,
    'bad_request',
    `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
}

/**
 * Reads a case step sent as multipart/form-data: the text fields, then the evidence files, each
 * streamed into the attachments store's temp space as it arrives (never held in memory).
 * `beforeFiles` runs once the fields are in and before the first file's bytes are read: the
 * permission, the call and the workflow are checked there, so a refused step stores nothing.
 * Staged files are discarded on any failure; the caller commits or discards them after.
 */
export async function receiveCaseStep(
  request: FastifyRequest,
  options: {
    attachmentsDir: string;
    maxBytes: number;
    beforeFiles: (form: CaseStepForm, filesFollow: boolean) => Promise<void>;
  },
): Promise<ReceivedCaseStep> {
  if (!request.isMultipart())
    throw new UploadRejected(400, 'Send the step as multipart/form-data (fields, then files).');
  const fields = new Map<string, string[]>();
  const attachments: StagedAttachment[] = [];
  let form: CaseStepForm | undefined;
  try {
    const parts = request.parts({
      preservePath: true,
      limits: { fileSize: options.maxBytes + 1, files: MAX_FILES, fields: 80, fieldSize: 100 * 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (form) throw new UploadRejected(400, 'Send the step fields before the files.');
        // The parser cuts a field at fieldSize: a note cut short is refused, never stored cut.
        if (part.valueTruncated) throw new UploadRejected(400, `The field "${part.fieldname}" is too long.`);
        const value = String(part.value);
        if (TEXT_FIELDS.has(part.fieldname)) rejectControlCharactersInTextField(part.fieldname, value);
        else if (LINE_FIELDS.has(part.fieldname)) rejectControlCharactersInField(part.fieldname, value);
        else throw new UploadRejected(400, `Unknown field "${checkName(part.fieldname).printable}".`);
        fields.set(part.fieldname, [...(fields.get(part.fieldname) ?? []), value]);
        continue;
      }
      if (part.fieldname !== 'files') {
        part.file.resume();
        throw new UploadRejected(
          400,
          `Unknown file field "${checkName(part.fieldname).printable}": use files.`,
        );
      }
      if (!form) {
        form = parseFields(fields);
        await options.beforeFiles(form, true);
      }
      attachments.push(
        await stageAttachment(
          options.attachmentsDir,
          { stream: part.file, fileName: part.filename, mimetype: part.mimetype },
          options.maxBytes,
        ),
      );
    }
  } catch (error) {
    discardAttachments(attachments);
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_FILES_LIMIT') throw new UploadRejected(413, `A step takes at most ${MAX_FILES} files.`);
    throw error;
  }
  if (!form) {
    form = parseFields(fields);
    await options.beforeFiles(form, false);
  }
  return { form, attachments };
}
